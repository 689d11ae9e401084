// `pnpm bench`: real host processes on 127.0.0.1, fresh SQLite (and Postgres)
// databases, a real load generator; prints medians and spreads of several
// alternating rounds, judges each target, and exits 1 when one misses.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { countSqliteResults, createBenchDatabase, SYSTEM_COUNT } from './bench-database.ts'
import { readBenchOptions, type SuiteName } from './bench-options.ts'
import { bundleServer } from './bundle-server.ts'
import { toTable, type Figure } from './figures.ts'
import { LOAD_GENERATOR } from './load.ts'
import { createPostgresBenchDatabase } from './postgres-bench-database.ts'
import { describeMachine, loadAverage, writeResults } from './results-file.ts'
import { say } from './say.ts'
import { measureBatching } from './suites/batching.ts'
import { measureCeilings } from './suites/ceilings.ts'
import { measureColdStart } from './suites/cold-start.ts'
import { measureFlood } from './suites/flood.ts'
import { measureGrowth } from './suites/growth.ts'
import { measureIngestion } from './suites/ingestion.ts'
import { measureKeyChecks } from './suites/key-checks.ts'
import { measurePostgres } from './suites/postgres.ts'
import { measureStatusUnderMaintenance, measureSystemPaging } from './suites/scale.ts'
import { addStatusFixture, addSystems } from './scale-fixtures.ts'

const options = readBenchOptions(process.argv.slice(2))
/** Catalog size of the paging figure. */
const SCALE_SYSTEMS = 10_000
const dir = mkdtempSync(join(tmpdir(), 'checkpost-bench-'))
const startedAt = new Date()
const loadBefore = loadAverage()

try {
  say('Bundling apps/server/src/main.ts into bench/dist (the product as it is deployed)…')
  await bundleServer()
  const profileDir = options.profileDir ? resolve(options.profileDir) : undefined
  if (profileDir) mkdirSync(profileDir, { recursive: true })
  const run = { ...options, ...(profileDir ? { profileDir } : {}) }
  const mode = `${options.quick ? 'quick' : 'full'}: ${options.rounds} round(s) of ${options.durationSec} s at ${options.connections} connections, load by ${LOAD_GENERATOR}`
  say(`Mode ${mode}`)
  say(`Machine: ${describeMachine()}, load average ${loadBefore}`)
  const main = await createBenchDatabase(dir, 'main')
  if (options.only) say(`Only: ${[...options.only].join(', ')} (a partial run leaves bench/RESULTS.md as it is)`)
  const figures: Figure[] = []
  const measure = async (key: SuiteName, name: string, suite: () => Promise<Figure[]>) => {
    if (options.only && !options.only.has(key)) return
    say(`· ${name}`)
    figures.push(...(await suite()))
  }
  await measure('ceilings', 'ceilings, both endpoints and naive (getSystems, 20 systems)', () => measureCeilings(main, dir, run))
  await measure('batching', 'JSON batch against single calls', async () => measureBatching(await createBenchDatabase(dir, 'batch'), run))
  await measure('ingestion', 'result ingestion, SQLite', async () => {
    const db = await createBenchDatabase(dir, 'ingest')
    return measureIngestion({ engine: 'SQLite', ...db, countResults: () => countSqliteResults(db.path), minRate: 50_000 }, run)
  })
  await measure('ingestion', 'result ingestion, Postgres', async () => {
    if (!options.postgresUrl) return [{ label: '4. reportResults on Postgres', value: undefined, unit: '', note: 'no Postgres given' }]
    const db = await createPostgresBenchDatabase(options.postgresUrl)
    try {
      return await measureIngestion({ engine: 'Postgres', ...db, countResults: () => db.count('healthcheck_results'), minRate: 25_000 }, run)
    } finally {
      await db.dispose()
    }
  })
  await measure('growth', 'growth and memory', async () => {
    say(`    building a database with ${options.applications.toLocaleString('en-US')} applications…`)
    const small = await createBenchDatabase(dir, 'small', { applications: 9 })
    const large = await createBenchDatabase(dir, 'large', { applications: options.applications, keys: options.activeKeys })
    return measureGrowth(small, large, run)
  })
  await measure('flood', 'wrong-secret flood', () => measureFlood(main, run))
  await measure('key-checks', 'rate limit + allowlist on the hot path', async () => measureKeyChecks(await createBenchDatabase(dir, 'keys'), run))
  await measure('cold-start', 'cold start', () => measureColdStart(main, run))
  await measure('postgres', 'Postgres, one and two host processes', () => measurePostgres(options.postgresUrl, run))
  await measure('scale', 'getSystems paged at 10,000 systems', async () => {
    const db = await createBenchDatabase(dir, 'systems')
    addSystems(db.path, SCALE_SYSTEMS - SYSTEM_COUNT)
    return measureSystemPaging({ ...db, systems: SCALE_SYSTEMS }, run)
  })
  await measure('scale', 'getStatus at 10 and 5,000 in-progress maintenance windows', async () => {
    const few = await createBenchDatabase(dir, 'windows-few')
    const many = await createBenchDatabase(dir, 'windows-many')
    addStatusFixture(few.path, 10)
    addStatusFixture(many.path, 5_000)
    return measureStatusUnderMaintenance({ ...few, windows: 10 }, { ...many, windows: 5_000 }, run)
  })
  const loadAfter = loadAverage()
  const table = toTable(figures)
  const missed = figures.filter((f) => f.value !== undefined && f.holds === false)
  say('')
  say(`Load average at the end: ${loadAfter}`)
  say('')
  say(table)
  say('')
  say(missed.length === 0 ? 'Every target holds.' : `Missed: ${missed.map((f) => f.label).join('; ')}`)
  if (options.only) {
    say('Partial run (--only): bench/RESULTS.md keeps the last full run.')
    if (missed.length > 0 && !options.quick) process.exitCode = 1
  } else if (options.quick) {
    say('Quick mode (tiny loads of 1 s): the verdicts above check the harness, not the product; run `pnpm bench`.')
  } else {
    writeResults({ table, mode, startedAt, loadBefore, loadAfter, missed: missed.map((f) => f.label) })
    say('Wrote bench/RESULTS.md.')
    if (missed.length > 0) process.exitCode = 1
  }
  if (profileDir) say(`CPU profiles of the Checkpost server under load (ceilings, ingestion, growth, key-checks): ${profileDir}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
