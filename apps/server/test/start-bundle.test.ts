import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { bundleApp, bundlePaths, isBundleFresh } from '../../../scripts/app-bundle.mjs'

/** A tiny app folder in a temporary directory: src/main.ts prints what src/answer.ts exports. */
function tinyApp() {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-bundle-'))
  mkdirSync(join(dir, 'src'))
  writeFileSync(join(dir, 'src', 'main.ts'), "import { answer } from './answer.ts'\nprocess.stdout.write(answer)\n")
  const setAnswer = (text: string) => writeFileSync(join(dir, 'src', 'answer.ts'), `export const answer: string = ${JSON.stringify(text)}\n`)
  setAnswer('first')
  // Written "a while ago": a build recording a file changed during itself would see it as stale at once.
  utimesSync(join(dir, 'src', 'answer.ts'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
  utimesSync(join(dir, 'src', 'main.ts'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
  const run = () => spawnSync(process.execPath, [bundlePaths(dir).outfile], { encoding: 'utf8' }).stdout
  return { dir, setAnswer, run }
}

describe('the start bundle (scripts/app-bundle.mjs)', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  /** A tiny app, bundled and run once (so its code cache is written), with that cache's path. */
  async function appWithCodeCache() {
    const app = tinyApp()
    dirs.push(app.dir)
    await bundleApp(app.dir)
    expect(app.run()).toBe('first')
    return { ...app, codeCache: bundlePaths(app.dir).codeCache }
  }

  it('is stale before the first build, fresh after it, and stale again after a source edit', async () => {
    const app = tinyApp()
    dirs.push(app.dir)
    expect(isBundleFresh(app.dir)).toBe(false)
    await bundleApp(app.dir)
    expect(isBundleFresh(app.dir)).toBe(true)
    expect(app.run()).toBe('first')
    app.setAnswer('second')
    expect(isBundleFresh(app.dir)).toBe(false)
    await bundleApp(app.dir)
    expect(app.run()).toBe('second')
  })

  it('is stale when the bundle or the package.json that makes main.js CommonJS is gone', async () => {
    const app = tinyApp()
    dirs.push(app.dir)
    for (const file of ['bundle', 'packageFile'] as const) {
      await bundleApp(app.dir)
      expect(isBundleFresh(app.dir)).toBe(true)
      rmSync(bundlePaths(app.dir)[file])
      expect(isBundleFresh(app.dir)).toBe(false)
    }
  })

  it('is stale when a source it was built from is gone', async () => {
    const app = tinyApp()
    dirs.push(app.dir)
    await bundleApp(app.dir)
    rmSync(join(app.dir, 'src', 'answer.ts'))
    expect(isBundleFresh(app.dir)).toBe(false)
  })

  it('writes a code cache on its first run and starts from it on the next', async () => {
    const app = await appWithCodeCache()
    const { codeCache } = app
    const written = readFileSync(codeCache)
    utimesSync(codeCache, new Date(0), new Date(0))
    expect(app.run()).toBe('first')
    // Accepted: left as it was (a refused cache is written again).
    expect(statSync(codeCache).mtimeMs).toBe(0)
    expect(readFileSync(codeCache).equals(written)).toBe(true)
  })

  it('runs the new bundle, not a cache of the old one of the same length, and replaces that cache', async () => {
    const app = await appWithCodeCache()
    const { codeCache } = app
    const oldCache = join(app.dir, 'old.cache')
    copyFileSync(codeCache, oldCache)
    app.setAnswer('fifth') // same length: V8's own check of cached data compares only the source's length
    await bundleApp(app.dir)
    copyFileSync(oldCache, codeCache)
    expect(app.run()).toBe('fifth')
    expect(readFileSync(codeCache).equals(readFileSync(oldCache))).toBe(false)
    expect(app.run()).toBe('fifth')
  })

  it.each([
    ['a torn cache', (cache: Buffer) => cache.subarray(0, 40)],
    ['a cache with flipped bits', (cache: Buffer) => Buffer.from(cache.map((byte, i) => (i > 32 && i % 7 === 0 ? byte ^ 0xff : byte)))],
    ['an empty cache', () => Buffer.alloc(0)],
  ])('starts from %s as from none, and writes a good one', async (_name, damage) => {
    const app = await appWithCodeCache()
    const { codeCache } = app
    const good = readFileSync(codeCache)
    writeFileSync(codeCache, damage(good))
    expect(app.run()).toBe('first')
    expect(readFileSync(codeCache).length).toBeGreaterThan(32)
    utimesSync(codeCache, new Date(0), new Date(0))
    expect(app.run()).toBe('first')
    expect(statSync(codeCache).mtimeMs).toBe(0)
  })
})
