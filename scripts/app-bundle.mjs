// One way to bundle an app (src/main.ts → dist/main.js, run with plain node),
// shared by `pnpm build` (bundle-app.mjs), `pnpm start` (start.mjs) and the
// bench, plus the check that a bundle still matches its sources. Workspace
// packages export TypeScript sources, so they are bundled; native and driver
// packages stay external.
//
// The bundle is CommonJS (dist/main.cjs) so that dist/main.js, a copy of
// code-cache-loader.cjs, can run it from V8's code cache (vm.Script takes
// cached data; an ES module cannot on Node 20). Hence no top-level await in
// an app's main.ts.
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const THIS_FILE = fileURLToPath(import.meta.url)
const LOADER = fileURLToPath(new URL('code-cache-loader.cjs', import.meta.url))
const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'pg', 'pg-native']
/** What `import.meta.url` is in the CommonJS bundle: the bundle file's own URL, as it was in an ES module. */
const IMPORT_META_URL = '__checkpostImportMetaUrl'
const IMPORT_META_BANNER = `var ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;`

/**
 * Where the app in `appDir` is written: `outfile` (main.js, what one runs: the
 * loader), `bundle` (main.cjs, the app), `codeCache` (main.cjs.cache, written by
 * the first start), its own package.json, and the list of inputs.
 */
export function bundlePaths(appDir, outDir = join(appDir, 'dist')) {
  return {
    entry: join(appDir, 'src', 'main.ts'),
    outfile: join(outDir, 'main.js'),
    bundle: join(outDir, 'main.cjs'),
    codeCache: join(outDir, 'main.cjs.cache'),
    packageFile: join(outDir, 'package.json'),
    inputsFile: join(outDir, 'main.inputs.json'),
  }
}

/**
 * Bundles `{appDir}/src/main.ts` into `{outDir}/main.js` (default `{appDir}/dist`)
 * and records every input file's mtime and size beside it in `main.inputs.json`,
 * for `isBundleFresh`. `external` replaces the default external packages.
 * @example await bundleApp('apps/server')
 */
export async function bundleApp(appDir, { outDir, external = EXTERNAL } = {}) {
  const { build, stop } = await import('esbuild')
  const { entry, outfile, bundle, codeCache, packageFile, inputsFile } = bundlePaths(appDir, outDir)
  const startedAt = Date.now()
  const result = await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
    define: { 'import.meta.url': IMPORT_META_URL },
    banner: { js: IMPORT_META_BANNER },
    // Less source for V8 to decode and pre-parse at every start; names are
    // kept so stacks and named middleware stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
  })
  stop() // esbuild's service process would otherwise outlive the build (a server started after it keeps running)
  rmSync(codeCache, { force: true }) // the loader would refuse it anyway (another bundle); no need to keep it
  copyFileSync(LOADER, outfile)
  // main.js is CommonJS wherever dist lies (apps/* are "type": "module").
  writeFileSync(packageFile, '{ "type": "commonjs" }\n')
  const inputs = {}
  for (const file of watchedFiles(Object.keys(result.metafile.inputs).map((input) => resolve(input)))) {
    const stat = statSync(file, { throwIfNoEntry: false })
    if (!stat) continue // not a file (esbuild's virtual modules)
    // A file edited while esbuild read it may be bundled in its old state: record it as changed.
    inputs[file] = stat.mtimeMs >= startedAt ? [0, -1] : [stat.mtimeMs, stat.size]
  }
  mkdirSync(join(outfile, '..'), { recursive: true })
  writeFileSync(inputsFile, JSON.stringify(inputs))
  return outfile
}

/**
 * The files whose change makes a bundle stale: every workspace source, and for
 * a dependency only its package.json (an upgrade rewrites it or moves the
 * package; stat'ing a thousand dependency files would cost more than it saves).
 */
function watchedFiles(inputs) {
  const files = new Set([THIS_FILE, LOADER])
  for (const input of inputs) {
    const pkg = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]
    files.add(pkg ? join(pkg, 'package.json') : input)
  }
  return files
}

/**
 * True when `{outDir}/main.js`, `main.cjs` and the folder's package.json exist
 * and every file it was built from is still there with the same mtime and size
 * (a source edit, a dependency upgrade or a change to this script makes it
 * stale). Costs one stat per input.
 */
export function isBundleFresh(appDir, outDir) {
  const { outfile, bundle, packageFile, inputsFile } = bundlePaths(appDir, outDir)
  let inputs
  try {
    statSync(outfile)
    statSync(bundle)
    statSync(packageFile)
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  } catch {
    return false
  }
  for (const [file, [mtimeMs, size]] of Object.entries(inputs)) {
    const stat = statSync(file, { throwIfNoEntry: false })
    if (!stat || stat.mtimeMs !== mtimeMs || stat.size !== size) return false
  }
  return true
}
