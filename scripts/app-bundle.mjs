// One way to bundle an app (src/main.ts → dist/main.js, run with plain node),
// shared by `pnpm build` (bundle-app.mjs), `pnpm start` (start.mjs) and the
// bench, plus the check that a bundle still matches its sources. Workspace
// packages export TypeScript sources, so they are bundled; native and driver
// packages stay external.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const THIS_FILE = fileURLToPath(import.meta.url)
const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'pg', 'pg-native']
/** Bundled CommonJS packages call `require('node:os')`; an ESM bundle has no `require` unless given one. */
const REQUIRE_BANNER = "import { createRequire as __checkpostRequire } from 'node:module'; const require = __checkpostRequire(import.meta.url);"

/** Where the bundle of the app in `appDir` is written, and its list of inputs. */
export function bundlePaths(appDir, outDir = join(appDir, 'dist')) {
  return { entry: join(appDir, 'src', 'main.ts'), outfile: join(outDir, 'main.js'), inputsFile: join(outDir, 'main.inputs.json') }
}

/**
 * Bundles `{appDir}/src/main.ts` into `{outDir}/main.js` (default `{appDir}/dist`)
 * and records every input file's mtime and size beside it in `main.inputs.json`,
 * for `isBundleFresh`. `external` replaces the default external packages.
 * @example await bundleApp('apps/server')
 */
export async function bundleApp(appDir, { outDir, external = EXTERNAL } = {}) {
  const { build, stop } = await import('esbuild')
  const { entry, outfile, inputsFile } = bundlePaths(appDir, outDir)
  const startedAt = Date.now()
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external,
    banner: { js: REQUIRE_BANNER },
    // Less source for V8 to decode and pre-parse at every start; names are
    // kept so stacks and named middleware stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
  })
  stop() // esbuild's service process would otherwise outlive the build (a server started after it keeps running)
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
  const files = new Set([THIS_FILE])
  for (const input of inputs) {
    const pkg = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]
    files.add(pkg ? join(pkg, 'package.json') : input)
  }
  return files
}

/**
 * True when `{outDir}/main.js` exists and every file it was built from is still
 * there with the same mtime and size (a source edit, a dependency upgrade or a
 * change to this script makes it stale). Costs one stat per input.
 */
export function isBundleFresh(appDir, outDir) {
  const { outfile, inputsFile } = bundlePaths(appDir, outDir)
  let inputs
  try {
    statSync(outfile)
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
