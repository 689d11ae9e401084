// An app bundle's entry point (dist/main.js, copied there by app-bundle.mjs):
// runs the CommonJS bundle beside it (main.cjs) through V8's code cache, so a
// start deserialises the compiled bundle instead of parsing and compiling it
// (about 90 ms less CPU for the server). Node 20 has no module.enableCompileCache.
//
// main.cjs.cache = SHA-256 of (bundle bytes + V8 data), 32 bytes, then the V8
// data. It is written once per bundle and node version/flags, by the first run
// that found none or had it refused: 5 s after start or at exit, whichever
// comes first, so that it holds what start-up compiled lazily too. A cache that
// is missing, torn, of another bundle (V8 itself only compares the source's
// length) or refused by V8 (other node version or flags) means a plain compile;
// a folder that cannot be written means no cache. Nothing here fails a start.
'use strict'
const { createHash } = require('node:crypto')
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs')
const { createRequire, wrap } = require('node:module')
const { join } = require('node:path')
const { Script, constants } = require('node:vm')

const BUNDLE = join(__dirname, 'main.cjs')
const CACHE = `${BUNDLE}.cache`
const DIGEST_BYTES = 32
/** How long after start the cache is written when the process has not exited by then (ms). */
const WRITE_AFTER_MS = 5000

/** SHA-256 of the bundle and the V8 data together: a cache is used only for these very bytes. */
function digestOf(bundle, data) {
  return createHash('sha256').update(bundle).update(data).digest()
}

/** The V8 data of a cache that belongs to `bundle`, or undefined. */
function readCache(bundle) {
  let file
  try {
    file = readFileSync(CACHE)
  } catch {
    return undefined
  }
  const data = file.subarray(DIGEST_BYTES)
  return file.length > DIGEST_BYTES && digestOf(bundle, data).equals(file.subarray(0, DIGEST_BYTES)) ? data : undefined
}

/** Writes the cache atomically (a concurrent start reads the old file or the new one, never half of one); errors are ignored. */
function writeCache(bundle, script) {
  const temporary = `${CACHE}.${process.pid}.tmp`
  try {
    const data = script.createCachedData()
    writeFileSync(temporary, Buffer.concat([digestOf(bundle, data), data]))
    renameSync(temporary, CACHE)
  } catch {
    rmSync(temporary, { force: true })
  }
}

/** The bundle as a function body; a `#!` line (allowed only at a file's start) becomes a comment, as Node's require does. */
function wrapped(bundle) {
  const source = bundle.toString('utf8')
  return wrap(source.startsWith('#!') ? `//${source.slice(2)}` : source)
}

const bundle = readFileSync(BUNDLE)
const cachedData = readCache(bundle)
const script = new Script(wrapped(bundle), {
  filename: BUNDLE,
  cachedData,
  // The bundle's own `import()` calls (node: builtins some dependencies load on demand).
  importModuleDynamically: constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier)),
})
if (!cachedData || script.cachedDataRejected) {
  let written = false
  const write = () => {
    if (written) return
    written = true
    writeCache(bundle, script)
  }
  setTimeout(write, WRITE_AFTER_MS).unref()
  process.once('exit', write)
}
const bundleModule = { exports: {} }
script.runInThisContext()(bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname)
