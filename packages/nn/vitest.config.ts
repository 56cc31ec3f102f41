import { defineConfig } from 'vitest/config'

/** Every test file runs twice: once on the pure TypeScript kernels, once on the wasm backend. */
const backends = ['js', 'wasm'] as const

export default defineConfig({
  test: {
    // CI machines are shared and slow; a timeout here means a hang, never a slow pass.
    testTimeout: 60_000,
    projects: backends.map((backend) => ({
      extends: true,
      test: {
        name: backend,
        include: ['test/**/*.test.ts'],
        env: { GRADSCHOOL_BACKEND: backend },
        setupFiles: ['test/support/select-backend.ts'],
      },
    })),
  },
})
