export { Adam, type AdamOptions, AdamW } from './adam.js'
export { clipGradNorm } from './clip.js'
export { Optimizer } from './optimizer.js'
export { RMSprop, type RMSpropOptions } from './rmsprop.js'
export {
  CosineAnnealingLR,
  type CosineAnnealingLROptions,
  LRScheduler,
  StepLR,
  type StepLROptions,
} from './scheduler.js'
export { SGD, type SGDOptions } from './sgd.js'
