import { bundleApp } from '../../scripts/app-bundle.mjs'
import { ROOT } from './server-process.ts'

/** Where `bundleServer` writes the product's server (bench/dist is git-ignored). */
export const CHECKPOST_BUNDLE = `${ROOT}bench/dist/main.js`

/**
 * Bundles apps/server/src/main.ts with the product's own build (`scripts/app-bundle.mjs`,
 * what `pnpm build` and `pnpm start` run), into bench/dist so the bench never writes into apps/.
 */
export async function bundleServer(): Promise<string> {
  return bundleApp(`${ROOT}apps/server`, { outDir: `${ROOT}bench/dist` })
}
