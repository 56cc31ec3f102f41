/** `pnpm --filter @gradschool/grader build`: writes the sandbox library bundle for the site. */
import { buildLibraryBundle, LIBRARY_STRING_MODULE } from '../src/node/libraries.js'

const code = await buildLibraryBundle()
console.log(`sandbox libraries: ${(code.length / 1024).toFixed(0)} KB → ${LIBRARY_STRING_MODULE}`)
