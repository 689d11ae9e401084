import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { spawnCheckpost } from '../bundle-server.ts'
import { roundsFigure, targetFigure, type Figure } from '../figures.ts'
import { describeRun } from '../load.ts'
import { say } from '../say.ts'
import { ROOT, postJson, spawnServer, type ServerProcess } from '../server-process.ts'
import { runAgainst, type ServerRun } from '../server-run.ts'

const server = (name: string) => fileURLToPath(new URL(`../servers/${name}`, import.meta.url))
export const GET_SYSTEMS = '{"getSystems": {}}'
const VARIANTS = ['static', 'data', 'keyed', 'checkpost', 'procedure', 'naive'] as const
type Variant = (typeof VARIANTS)[number]

/**
 * Where each variant is called, and with what body; `keyed` is the data ceiling
 * plus the caller's key-row read (servers/key-row.ts), `procedure` Checkpost's
 * per-procedure endpoint.
 */
const CALLS: Record<Variant, { path: string; body: string; keyed: boolean }> = {
  static: { path: '/api/catalog/', body: GET_SYSTEMS, keyed: false },
  data: { path: '/api/catalog/', body: GET_SYSTEMS, keyed: false },
  keyed: { path: '/api/catalog/', body: GET_SYSTEMS, keyed: true },
  checkpost: { path: '/api/catalog/', body: GET_SYSTEMS, keyed: true },
  procedure: { path: '/api/catalog/getSystems', body: '{}', keyed: true },
  naive: { path: '/api/catalog/', body: GET_SYSTEMS, keyed: true },
}

/**
 * Targets 1 and 2: Checkpost's authenticated getSystems on both endpoints
 * against the static ceiling, the data ceiling and the naive variant, all
 * answering the same bytes (checked before any load), measured in
 * alternation (A B C D E A B C D E …) so each round's ratios share its noise.
 */
export async function measureCeilings(db: BenchDatabase, dir: string, options: BenchOptions): Promise<Figure[]> {
  const env = { CHECKPOST_DATABASE_URL: db.url }
  // Profiled from source (through tsx) so that each frame names its package and file.
  const checkpost = options.profileDir
    ? await spawnServer(`${ROOT}apps/server/src/main.ts`, { env, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] })
    : await spawnCheckpost({ env })
  const servers: Partial<Record<Variant, ServerProcess>> = { checkpost, procedure: checkpost }
  const runs: Record<Variant, ServerRun[]> = { static: [], data: [], keyed: [], checkpost: [], procedure: [], naive: [] }
  try {
    const expected = await answer(checkpost, 'checkpost', db.adminKey)
    const responseFile = join(dir, 'response.json')
    writeFileSync(responseFile, expected)
    servers.static = await spawnServer(server('static-server.ts'), { env: { BENCH_RESPONSE_FILE: responseFile } })
    servers.data = await spawnServer(server('data-server.ts'), { env: { BENCH_DB_PATH: db.path } })
    servers.keyed = await spawnServer(server('data-server.ts'), { env: { BENCH_DB_PATH: db.path, BENCH_KEY_READ: '1' } })
    servers.naive = await spawnServer(server('naive-server.ts'), { env })
    for (const variant of VARIANTS) {
      const body = await answer(servers[variant]!, variant, keyFor(db, variant))
      const want = variant === 'procedure' ? JSON.stringify(JSON.parse(expected).getSystems) : expected
      if (body !== want) throw new Error(`the ${variant} variant answers other bytes than Checkpost:\n${body}\n---\n${want}`)
    }
    for (let round = 0; round < options.rounds; round++) {
      say(`  round ${round + 1}/${options.rounds}`)
      for (const variant of VARIANTS) {
        const { path, body, keyed } = CALLS[variant]
        const target = servers[variant]!
        const load = { url: `${target.url}${path}`, body, key: keyed ? keyFor(db, variant) : undefined, connections: options.connections, durationSec: options.durationSec }
        const result = await runAgainst([target], load)
        say(describeRun(variant, result))
        runs[variant].push(result)
      }
    }
  } finally {
    await Promise.all([...new Set(Object.values(servers))].map((s) => s.stop()))
  }
  return toFigures(runs)
}

async function answer(target: ServerProcess, variant: Variant, key: string): Promise<string> {
  const { path, body } = CALLS[variant]
  const response = await postJson(`${target.url}${path}`, body, key)
  const text = await response.text()
  if (response.status !== 200) throw new Error(`getSystems (${variant}) answered ${response.status}: ${text}`)
  return text
}

function toFigures(runs: Record<Variant, ServerRun[]>): Figure[] {
  const each = (name: Variant, pick: (r: ServerRun) => number) => runs[name].map(pick)
  const perRound = (a: Variant, b: Variant, pick: (r: ServerRun) => number) => runs[a].map((r, i) => pick(r) / pick(runs[b][i]!))
  const rps = (r: ServerRun) => r.rps
  const p99 = (r: ServerRun) => r.p99Ms
  // CPU efficiency: the ceiling's CPU per request over ours, so ≥ 0.85 means at most ~18 % more CPU.
  const cpuEfficiency = (ceiling: Variant) => runs.checkpost.map((r, i) => runs[ceiling][i]!.cpuMsPerRequest / r.cpuMsPerRequest)
  const failed = Object.values(runs).flat().reduce((sum, r) => sum + r.non2xx + r.timeouts + r.socketErrors, 0)
  const micro = (name: Variant) => each(name, (r) => r.cpuMsPerRequest * 1000)
  return [
    roundsFigure('static ceiling getSystems', each('static', rps), { unit: 'req/s' }),
    roundsFigure('data ceiling getSystems', each('data', rps), { unit: 'req/s' }),
    roundsFigure('data ceiling + key-row read getSystems', each('keyed', rps), { unit: 'req/s' }),
    roundsFigure('Checkpost JSON endpoint getSystems', each('checkpost', rps), { unit: 'req/s' }),
    roundsFigure('Checkpost per-procedure endpoint getSystems', each('procedure', rps), { unit: 'req/s' }),
    roundsFigure('naive (argon2 + queries + write per request)', each('naive', rps), { unit: 'req/s' }),
    roundsFigure('server CPU per request, data ceiling', micro('data'), { unit: 'µs' }),
    roundsFigure('server CPU per request, data ceiling + key-row read', micro('keyed'), { unit: 'µs' }),
    roundsFigure('server CPU per request, Checkpost JSON endpoint', micro('checkpost'), { unit: 'µs' }),
    roundsFigure('server CPU per request, Checkpost per-procedure endpoint', micro('procedure'), { unit: 'µs' }),
    roundsFigure('p99 data ceiling', each('data', p99), { unit: 'ms' }),
    roundsFigure('p99 Checkpost JSON endpoint', each('checkpost', p99), { unit: 'ms' }),
    roundsFigure('1. JSON endpoint / data ceiling req/s', perRound('checkpost', 'data', rps), { unit: '×', target: '≥ 0.85', test: (v) => v >= 0.85 }),
    roundsFigure('1. data ceiling CPU per request / JSON endpoint CPU per request', cpuEfficiency('data'), { unit: '×', target: '≥ 0.85', test: (v) => v >= 0.85 }),
    roundsFigure('(data ceiling + key-row read) / data ceiling req/s', perRound('keyed', 'data', rps), { unit: '×' }),
    roundsFigure('JSON endpoint / (data ceiling + key-row read) req/s', perRound('checkpost', 'keyed', rps), { unit: '×' }),
    roundsFigure('(data ceiling + key-row read) CPU per request / JSON endpoint CPU per request', cpuEfficiency('keyed'), { unit: '×' }),
    roundsFigure('1. JSON endpoint p99 / data ceiling p99', perRound('checkpost', 'data', p99), { unit: '×', target: '≤ 1.5', test: (v) => v <= 1.5 }),
    roundsFigure('1. JSON endpoint / static ceiling req/s', perRound('checkpost', 'static', rps), { unit: '×' }),
    roundsFigure('1. per-procedure / JSON endpoint req/s', perRound('procedure', 'checkpost', rps), { unit: '×', target: '≥ 0.85', test: (v) => v >= 0.85 }),
    roundsFigure('2. JSON endpoint / naive req/s', perRound('checkpost', 'naive', rps), { unit: '×', target: '≥ 25', test: (v) => v >= 25 }),
    targetFigure('1-2. failed answers (non-2xx, timeouts, socket errors)', failed, { unit: '', target: '0', test: (v) => v === 0 }),
  ]
}

/** The naive variant verifies argon2id per request, so it gets the key whose hash Checkpost never upgraded. */
function keyFor(db: BenchDatabase, variant: Variant): string {
  return variant === 'naive' ? db.naiveKey : db.adminKey
}
