import { fileURLToPath } from 'node:url'
import { defineConfig } from 'astro/config'
import { gradschoolCourse } from './src/lib/vite-plugin-gradschool.ts'

/** The course the site is generated from; tests may point this at another course folder. */
const exercisesDir =
  process.env.GRADSCHOOL_EXERCISES_DIR ?? fileURLToPath(new URL('../../exercises', import.meta.url))

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  vite: {
    define: { __EXERCISES_DIR__: JSON.stringify(exercisesDir) },
    plugins: [gradschoolCourse(exercisesDir)],
    worker: { format: 'es', plugins: () => [gradschoolCourse(exercisesDir)] },
    // Pre-bundling moves QuickJS's JS away from its .wasm file, which it finds by a relative URL.
    optimizeDeps: {
      exclude: ['quickjs-emscripten-core', '@jitl/quickjs-wasmfile-release-sync'],
    },
    server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url)), exercisesDir] } },
  },
})
