import { readFileSync } from 'node:fs'
import { bundleApp } from '../../scripts/app-bundle.mjs'
import { ROOT, spawnServer, type ServerProcess, type SpawnOptions } from './server-process.ts'

/** The node flags `npm start` gives the server (package.json's start script), for the bundle run as the product runs. */
export const CHECKPOST_NODE_FLAGS: readonly string[] = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'))

/** Where `bundleServer` writes the product's server (bench/dist is git-ignored). */
export const CHECKPOST_BUNDLE = `${ROOT}bench/dist/main.js`

/**
 * Bundles apps/server/src/main.ts with the product's own build (`scripts/app-bundle.mjs`,
 * what `pnpm build` and `pnpm start` run), into bench/dist so the bench never writes into apps/.
 */
export async function bundleServer(): Promise<string> {
  return bundleApp(`${ROOT}apps/server`, { outDir: `${ROOT}bench/dist` })
}

/** The bundle in bench/dist would look for the console beside itself: point it at apps/web/dist, as `npm start` serves it. */
export const CHECKPOST_BUNDLE_ENV: Readonly<Record<string, string>> = { CHECKPOST_CONSOLE_DIR: `${ROOT}apps/web/dist` }

/**
 * Starts the bundled server as `npm start` runs it: with the start script's node
 * flags (then `options.nodeArgs`), serving the console from apps/web/dist.
 */
export function spawnCheckpost(options: SpawnOptions): Promise<ServerProcess> {
  return spawnServer(CHECKPOST_BUNDLE, {
    ...options,
    env: { ...CHECKPOST_BUNDLE_ENV, ...options.env },
    nodeArgs: [...CHECKPOST_NODE_FLAGS, ...(options.nodeArgs ?? [])],
  })
}
