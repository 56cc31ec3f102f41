import * as tensor from '../../tensor/src/index.ts'
import * as nn from '../src/index.ts'
;(globalThis as Record<string, unknown>).__gradschoolLibraries = { tensor, nn }
