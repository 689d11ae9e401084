// `pnpm bench`: real host processes on 127.0.0.1, fresh SQLite databases, a real
// load generator; prints medians of several alternating rounds and the ratios.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createBenchDatabase } from './bench-database.ts'
import { readBenchOptions } from './bench-options.ts'
import { toTable, type Figure } from './figures.ts'
import { LOAD_GENERATOR } from './load.ts'
import { measureBatching } from './suites/batching.ts'
import { measureCeilings } from './suites/ceilings.ts'
import { measureColdStart } from './suites/cold-start.ts'
import { measureFlood } from './suites/flood.ts'
import { measureGrowth } from './suites/growth.ts'
import { measureIngestion } from './suites/ingestion.ts'

const options = readBenchOptions(process.argv.slice(2))
const say = (line: string) => process.stdout.write(line + '\n')
const dir = mkdtempSync(join(tmpdir(), 'checkpost-bench-'))

try {
  say('Bundling apps/server (the product as it is run)…')
  execFileSync(process.execPath, ['../../scripts/bundle-app.mjs'], {
    cwd: fileURLToPath(new URL('../../apps/server/', import.meta.url)),
    stdio: 'inherit',
  })
  const mode = options.quick ? 'quick' : 'full'
  say(`Mode ${mode}: ${options.rounds} round(s) of ${options.durationSec} s at ${options.connections} connections, load by ${LOAD_GENERATOR}`)
  say(`Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`)
  const main = await createBenchDatabase(dir, 'main')
  const figures: Figure[] = []
  const run = async (name: string, measure: () => Promise<Figure[]>) => {
    say(`· ${name}`)
    figures.push(...(await measure()))
  }
  await run('ceilings, Checkpost and naive', () => measureCeilings(main, dir, options))
  await run('JSON batch against single calls', async () => measureBatching(await createBenchDatabase(dir, 'batch'), options))
  await run('result ingestion', async () => measureIngestion(await createBenchDatabase(dir, 'ingest'), options))
  await run('growth and memory', async () => {
    const small = await createBenchDatabase(dir, 'small', { applications: 9 })
    const large = await createBenchDatabase(dir, 'large', { applications: options.applications, keys: options.activeKeys })
    return measureGrowth(small, large, options)
  })
  await run('wrong-secret flood', () => measureFlood(main, options))
  await run('cold start', () => measureColdStart(main, options))
  say('')
  say(toTable(figures))
  const missed = figures.filter((f) => f.holds === false)
  say('')
  say(missed.length === 0 ? 'Every target holds.' : `Missed: ${missed.map((f) => f.label).join('; ')}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
