import { defineConfig } from 'vitest/config'

// Real databases (and, for some tests, real HTTP targets and timers): room on a busy machine.
export default defineConfig({ test: { setupFiles: ['./test/setup.ts'], testTimeout: 30_000 } })
