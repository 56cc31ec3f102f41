import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CI machines are shared and slow; a timeout here means a hang, never a slow pass.
    testTimeout: 60_000,
  },
})
