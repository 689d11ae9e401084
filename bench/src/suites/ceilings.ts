import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { CHECKPOST_BUNDLE } from '../bundle-server.ts'
import { median, targetFigure, type Figure } from '../figures.ts'
import { describeRun, runLoad, type LoadResult } from '../load.ts'
import { say } from '../say.ts'
import { ROOT, postJson, spawnServer, type ServerProcess } from '../server-process.ts'

const server = (name: string) => fileURLToPath(new URL(`../servers/${name}`, import.meta.url))
export const GET_SYSTEMS = '{"getSystems": {}}'
const VARIANTS = ['static', 'data', 'checkpost', 'naive'] as const
type Variant = (typeof VARIANTS)[number]

/**
 * Targets 1 and 2: the authenticated getSystems against the static ceiling,
 * the data ceiling and the naive variant, all answering the same bytes
 * (checked before any load), measured in alternation (A B C D A B C D …).
 */
export async function measureCeilings(db: BenchDatabase, dir: string, options: BenchOptions): Promise<Figure[]> {
  const env = { CHECKPOST_DATABASE_URL: db.url }
  // Profiled from source (through tsx) so that each frame names its package and file.
  const checkpost = options.profileDir
    ? await spawnServer(`${ROOT}apps/server/src/main.ts`, { env, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] })
    : await spawnServer(CHECKPOST_BUNDLE, { env })
  const servers: Partial<Record<Variant, ServerProcess>> = { checkpost }
  const runs: Record<Variant, LoadResult[]> = { static: [], data: [], checkpost: [], naive: [] }
  try {
    const expected = await answer(checkpost, db.adminKey)
    const responseFile = join(dir, 'response.json')
    writeFileSync(responseFile, expected)
    servers.static = await spawnServer(server('static-server.ts'), { env: { BENCH_RESPONSE_FILE: responseFile } })
    servers.data = await spawnServer(server('data-server.ts'), { env: { BENCH_DB_PATH: db.path } })
    servers.naive = await spawnServer(server('naive-server.ts'), { env })
    for (const variant of VARIANTS) {
      const body = await answer(servers[variant]!, db.adminKey)
      if (body !== expected) throw new Error(`the ${variant} variant answers other bytes than Checkpost:\n${body}\n---\n${expected}`)
    }
    for (let round = 0; round < options.rounds; round++) {
      say(`  round ${round + 1}/${options.rounds}`)
      for (const variant of VARIANTS) {
        const key = variant === 'static' || variant === 'data' ? undefined : db.adminKey
        const load = { url: `${servers[variant]!.url}/api/catalog/`, body: GET_SYSTEMS, key, connections: options.connections, durationSec: options.durationSec }
        const result = await runLoad(load)
        say(describeRun(variant, result))
        runs[variant].push(result)
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()))
  }
  return toFigures(runs)
}

async function answer(target: ServerProcess, key: string): Promise<string> {
  const response = await postJson(`${target.url}/api/catalog/`, GET_SYSTEMS, key)
  const text = await response.text()
  if (response.status !== 200) throw new Error(`getSystems answered ${response.status}: ${text}`)
  return text
}

function toFigures(runs: Record<Variant, LoadResult[]>): Figure[] {
  const rps = (name: Variant) => median(runs[name].map((r) => r.rps))
  const p99 = (name: Variant) => median(runs[name].map((r) => r.p99Ms))
  const ratio = (name: Variant) => median(runs.checkpost.map((r, i) => r.rps / runs[name][i]!.rps))
  const p99Ratio = median(runs.checkpost.map((r, i) => r.p99Ms / runs.data[i]!.p99Ms))
  const all = Object.values(runs).flat()
  const failed = all.reduce((sum, r) => sum + r.non2xx + r.timeouts + r.socketErrors, 0)
  return [
    { label: 'static ceiling getSystems', value: rps('static'), unit: 'req/s' },
    { label: 'data ceiling getSystems', value: rps('data'), unit: 'req/s' },
    { label: 'Checkpost authenticated getSystems', value: rps('checkpost'), unit: 'req/s' },
    { label: 'naive (argon2 + queries + write per request)', value: rps('naive'), unit: 'req/s' },
    { label: 'p99 data ceiling', value: p99('data'), unit: 'ms' },
    { label: 'p99 Checkpost', value: p99('checkpost'), unit: 'ms' },
    targetFigure('1. Checkpost / data ceiling req/s', ratio('data'), { unit: '×', target: '≥ 0.75', test: (v) => v >= 0.75 }),
    targetFigure('1. Checkpost p99 / data ceiling p99', p99Ratio, { unit: '×', target: '≤ 2', test: (v) => v <= 2 }),
    { label: '1. Checkpost / static ceiling req/s', value: ratio('static'), unit: '×' },
    targetFigure('2. Checkpost / naive req/s', ratio('naive'), { unit: '×', target: '≥ 25', test: (v) => v >= 25 }),
    targetFigure('1-2. failed answers (non-2xx, timeouts, socket errors)', failed, { unit: '', target: '0', test: (v) => v === 0 }),
  ]
}
