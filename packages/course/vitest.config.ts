import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Specs under exercises/ import the spec helpers by package name; exercises/ is not a package.
    alias: { '@gradschool/course/spec': fileURLToPath(new URL('./src/spec.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // CI machines are shared and slow; a timeout here means a hang, never a slow pass.
    testTimeout: 60_000,
  },
})
