export { GELU, LeakyReLU, LogSoftmax, ReLU, Sigmoid, Softmax, Tanh } from './activation.js'
export {
  type AttentionCallOptions,
  generateSquareSubsequentMask,
  MultiheadAttention,
  type MultiheadAttentionOptions,
} from './attention.js'
export { BatchNorm1d, type BatchNormOptions } from './batchnorm.js'
export { Conv2d, type Conv2dOptions } from './conv.js'
export { Dropout, dropout } from './dropout.js'
export { Embedding } from './embedding.js'
export { Flatten } from './flatten.js'
export { GCNConv, type GCNConvOptions, type Graph, normalizedAdjacency } from './gcn.js'
export { LayerNorm, type LayerNormOptions } from './layernorm.js'
export { Linear, type LinearOptions } from './linear.js'
export { Module } from './module.js'
export { Buffer, Parameter, parameter } from './parameter.js'
export { AvgPool2d, MaxPool2d, type Pool2dOptions } from './pooling.js'
export { type ElmanOptions, GRU, LSTM, RNN, type RNNOptions } from './rnn.js'
export { Sequential, type TensorModule } from './sequential.js'
export type { SavedTensor, StateDict } from './state.js'
export type { SummaryOptions } from './summary.js'
export {
  type EncoderCallOptions,
  TransformerEncoderLayer,
  type TransformerEncoderLayerOptions,
} from './transformer.js'
