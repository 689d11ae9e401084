import { defineConfig } from 'vitest/config'

// Each test starts the CLI as a real process (tsx + migrations): seconds on a busy 2-core machine.
export default defineConfig({ test: { testTimeout: 60_000 } })
