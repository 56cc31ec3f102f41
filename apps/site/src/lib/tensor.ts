/**
 * @gradschool/tensor registers its JS backend as a side effect of its index module, but its
 * package.json declares `sideEffects: false`, so bundlers drop that registration. Importing
 * tensor through this module registers the backend explicitly (a no-op when already set).
 */
import { jsBackend, registerBackend } from '@gradschool/tensor'

registerBackend(jsBackend)

export * from '@gradschool/tensor'
