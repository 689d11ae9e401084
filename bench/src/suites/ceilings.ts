import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { median, type Figure } from '../figures.ts'
import { runLoad, type LoadResult } from '../load.ts'
import { CHECKPOST_MAIN, spawnServer, type ServerProcess } from '../server-process.ts'

const server = (name: string) => fileURLToPath(new URL(`../servers/${name}`, import.meta.url))
const BODY = '{"getSystems": {}}'

/**
 * Targets 1 and 2: the authenticated getSystems against the static ceiling,
 * the data ceiling and the naive variant, all answering the same bytes,
 * measured in alternation (A B C D A B C D …) so drift cancels.
 */
export async function measureCeilings(db: BenchDatabase, dir: string, options: BenchOptions): Promise<Figure[]> {
  const env = { CHECKPOST_DATABASE_URL: db.url }
  const checkpost = await spawnServer(CHECKPOST_MAIN, env)
  const response = await fetch(`${checkpost.url}/api/catalog/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${db.adminKey}`, 'content-type': 'application/json' },
    body: BODY,
  })
  const responseFile = join(dir, 'response.json')
  writeFileSync(responseFile, await response.text())
  const servers: Record<string, ServerProcess> = {
    static: await spawnServer(server('static-server.ts'), { BENCH_RESPONSE_FILE: responseFile }),
    data: await spawnServer(server('data-server.ts'), { BENCH_DB_PATH: db.path }),
    checkpost,
    naive: await spawnServer(server('naive-server.ts'), env),
  }
  const runs: Record<string, LoadResult[]> = { static: [], data: [], checkpost: [], naive: [] }
  try {
    for (let round = 0; round < options.rounds; round++) {
      for (const [name, target] of Object.entries(servers)) {
        const load = { url: `${target.url}/api/catalog/`, body: BODY, connections: options.connections, durationSec: options.durationSec }
        runs[name]!.push(await runLoad({ ...load, key: name === 'static' || name === 'data' ? undefined : db.adminKey }))
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()))
  }
  return toFigures(runs)
}

function toFigures(runs: Record<string, LoadResult[]>): Figure[] {
  const rps = (name: string) => median(runs[name]!.map((r) => r.rps))
  const p99 = (name: string) => median(runs[name]!.map((r) => r.p99Ms))
  const ratio = (name: string) => median(runs.checkpost!.map((r, i) => r.rps / runs[name]![i]!.rps))
  const p99Ratio = median(runs.checkpost!.map((r, i) => r.p99Ms / runs.data![i]!.p99Ms))
  const errors = Object.values(runs).flat().reduce((sum, r) => sum + r.timeouts, 0)
  return [
    { label: 'static ceiling getSystems', value: rps('static'), unit: 'req/s' },
    { label: 'data ceiling getSystems', value: rps('data'), unit: 'req/s' },
    { label: 'Checkpost authenticated getSystems', value: rps('checkpost'), unit: 'req/s' },
    { label: 'naive (argon2 + queries + write per request)', value: rps('naive'), unit: 'req/s' },
    { label: 'p99 data ceiling / Checkpost', value: p99('data'), unit: `ms / ${p99('checkpost').toFixed(2)} ms` },
    { label: '1. Checkpost / data ceiling', value: ratio('data'), unit: '×', target: '≥ 0.75', holds: ratio('data') >= 0.75 },
    { label: '1. Checkpost p99 / data ceiling p99', value: p99Ratio, unit: '×', target: '≤ 2', holds: p99Ratio <= 2 },
    { label: '1. Checkpost / static ceiling', value: ratio('static'), unit: '×' },
    { label: '2. Checkpost / naive', value: ratio('naive'), unit: '×', target: '≥ 25', holds: ratio('naive') >= 25 },
    { label: 'timeouts across these runs', value: errors, unit: '' },
  ]
}
