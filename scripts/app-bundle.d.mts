/** Types of app-bundle.mjs, for the TypeScript that imports it (tests, bench). */
export interface BundlePaths {
  readonly entry: string
  readonly outfile: string
  readonly inputsFile: string
}
export function bundlePaths(appDir: string, outDir?: string): BundlePaths
export function bundleApp(appDir: string, options?: { outDir?: string; external?: readonly string[] }): Promise<string>
export function isBundleFresh(appDir: string, outDir?: string): boolean
