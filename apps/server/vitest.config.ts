import { defineConfig } from 'vitest/config'

// Several tests start real host processes or listening servers; give them room on a busy machine.
export default defineConfig({ test: { setupFiles: ['./test/setup.ts'], testTimeout: 60_000, hookTimeout: 60_000 } })
