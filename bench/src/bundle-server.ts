import { mkdirSync } from 'node:fs'
import { build } from 'esbuild'
import { ROOT } from './server-process.ts'

/** Where `bundleServer` writes the product's server (bench/dist is git-ignored). */
export const CHECKPOST_BUNDLE = `${ROOT}bench/dist/checkpost-server.mjs`

/**
 * Bundles apps/server/src/main.ts the way `scripts/bundle-app.mjs` does (native
 * packages external), into bench/dist so the bench never writes into apps/.
 * pg is bundled too because bench/ does not depend on it.
 */
export async function bundleServer(): Promise<string> {
  mkdirSync(`${ROOT}bench/dist`, { recursive: true })
  await build({
    entryPoints: [`${ROOT}apps/server/src/main.ts`],
    outfile: CHECKPOST_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3', '@node-rs/argon2', 'pg-native'],
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  return CHECKPOST_BUNDLE
}
