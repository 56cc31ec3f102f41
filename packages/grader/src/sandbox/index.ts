export { DEFAULT_LIMITS, SANDBOX_NOW, type SandboxLimits } from './limits.js'
export { loadQuickJS } from './quickjs.js'
export { type SandboxFailure, type SandboxOutcome, SandboxSession, type SessionOptions } from './session.js'
export {
  decodeFromSandbox,
  encodeForSandbox,
  type PlainValue,
  TensorValue,
  UnsupportedValue,
} from './values.js'
