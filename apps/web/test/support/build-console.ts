import { fileURLToPath } from 'node:url'
import { build } from 'vite'

/** Vitest global setup: builds the console once, as `pnpm build` does, so the tests drive what ships. */
export default async function buildConsole(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ root: fileURLToPath(new URL('../..', import.meta.url)), logLevel: 'warn', mode: 'production' })
  } finally {
    process.env.NODE_ENV = previous
  }
}
