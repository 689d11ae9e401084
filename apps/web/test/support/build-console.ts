import { fileURLToPath } from 'node:url'
import { build } from 'vite'

/** Vitest global setup: builds the console once, so the tests drive what `pnpm build` ships. */
export default async function buildConsole(): Promise<void> {
  await build({ root: fileURLToPath(new URL('../..', import.meta.url)), logLevel: 'warn' })
}
