import { defineConfig } from 'vitest/config'

// Browser tests: one Chromium per file against the real host; the console is built once first.
export default defineConfig({
  test: { globalSetup: ['test/support/build-console.ts'], testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false },
})
