/**
 * @gradschool/nn — modules, layers, losses, optimizers, data loading, metrics and datasets,
 * built on @gradschool/tensor with PyTorch's names in camelCase.
 */

export * from './data/index.js'
export * from './datasets/index.js'
export * from './init.js'
export * from './losses/index.js'
export * from './metrics/index.js'
export * from './modules/index.js'
export * from './optim/index.js'
export * from './progress/index.js'
