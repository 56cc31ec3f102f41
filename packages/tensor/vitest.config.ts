import { defineConfig } from 'vitest/config'

/** The suite runs twice: once on the pure TypeScript kernels, once on the wasm backend. */
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
        // These drive the wasm parts directly or compare the two backends themselves: once is enough.
        exclude:
          backend === 'wasm'
            ? [
                'test/backends.test.ts',
                'test/browser.test.ts',
                'test/threads.test.ts',
                'test/wasm-memory.test.ts',
              ]
            : [],
        env: { GRADSCHOOL_BACKEND: backend },
        setupFiles: ['test/support/select-backend.ts'],
      },
    })),
  },
})
