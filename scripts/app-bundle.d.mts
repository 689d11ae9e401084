/** Types of app-bundle.mjs, for the TypeScript that imports it (tests, bench). */
export interface BundlePaths {
  readonly entry: string
  /** main.js: the loader, what one runs. */
  readonly outfile: string
  /** main.cjs: the app's CommonJS bundle. */
  readonly bundle: string
  /** main.cjs.cache: V8's code cache of the bundle, written by its first start. */
  readonly codeCache: string
  readonly packageFile: string
  readonly inputsFile: string
}
export function bundlePaths(appDir: string, outDir?: string): BundlePaths
export function bundleApp(appDir: string, options?: { outDir?: string; external?: readonly string[] }): Promise<string>
export function isBundleFresh(appDir: string, outDir?: string): boolean
