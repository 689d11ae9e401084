import { defineConfig } from 'vitest/config'

// Each test writes a scratch folder: room on a busy machine.
export default defineConfig({ test: { testTimeout: 30_000 } })
