// `pnpm bench`: real host processes on 127.0.0.1, fresh SQLite databases, a real
// load generator; prints medians of several alternating rounds and the ratios.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { createBenchDatabase } from './bench-database.ts'
import { readBenchOptions } from './bench-options.ts'
import { bundleServer } from './bundle-server.ts'
import { toTable, type Figure } from './figures.ts'
import { LOAD_GENERATOR } from './load.ts'
import { say } from './say.ts'
import { measureBatching } from './suites/batching.ts'
import { measureCeilings } from './suites/ceilings.ts'
import { measureColdStart } from './suites/cold-start.ts'
import { measureFlood } from './suites/flood.ts'
import { measureGrowth } from './suites/growth.ts'
import { measureIngestion } from './suites/ingestion.ts'
import { measureKeyChecks } from './suites/key-checks.ts'

const options = readBenchOptions(process.argv.slice(2))
const dir = mkdtempSync(join(tmpdir(), 'checkpost-bench-'))
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ')

try {
  say('Bundling apps/server/src/main.ts into bench/dist (the product as it is deployed)…')
  await bundleServer()
  const profileDir = options.profileDir ? resolve(options.profileDir) : undefined
  if (profileDir) mkdirSync(profileDir, { recursive: true })
  const run = { ...options, ...(profileDir ? { profileDir } : {}) }
  say(`Mode ${options.quick ? 'quick' : 'full'}: ${options.rounds} round(s) of ${options.durationSec} s at ${options.connections} connections, load by ${LOAD_GENERATOR}`)
  say(`Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load()}`)
  const main = await createBenchDatabase(dir, 'main')
  const figures: Figure[] = []
  const measure = async (name: string, suite: () => Promise<Figure[]>) => {
    say(`· ${name}`)
    figures.push(...(await suite()))
  }
  await measure('ceilings, Checkpost and naive (getSystems, 20 systems)', () => measureCeilings(main, dir, run))
  await measure('JSON batch against single calls', async () => measureBatching(await createBenchDatabase(dir, 'batch'), run))
  await measure('result ingestion', async () => measureIngestion(await createBenchDatabase(dir, 'ingest'), run))
  await measure('growth and memory', async () => {
    say(`    building a database with ${options.applications.toLocaleString('en-US')} applications…`)
    const small = await createBenchDatabase(dir, 'small', { applications: 9 })
    const large = await createBenchDatabase(dir, 'large', { applications: options.applications, keys: options.activeKeys })
    return measureGrowth(small, large, run)
  })
  await measure('wrong-secret flood', () => measureFlood(main, run))
  await measure('rate limit + allowlist on the hot path', async () => measureKeyChecks(await createBenchDatabase(dir, 'keys'), run))
  await measure('cold start', () => measureColdStart(main, run))
  say('')
  say(`Load average at the end: ${load()}`)
  say('')
  say(toTable(figures))
  const missed = figures.filter((f) => f.holds === false)
  say('')
  say(missed.length === 0 ? 'Every target holds.' : `Missed: ${missed.map((f) => f.label).join('; ')}`)
  if (options.quick) say('Quick mode (tiny loads of 1 s): the verdicts above check the harness, not the product; run `pnpm bench`.')
  if (profileDir) say(`CPU profiles of the Checkpost server under the ceilings load: ${profileDir}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
