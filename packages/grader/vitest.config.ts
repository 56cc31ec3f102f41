import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Hostile submissions run into the sandbox's 2 s CPU limit on purpose.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
