import { fileURLToPath } from 'node:url'
import type { BenchOptions } from '../bench-options.ts'
import { spawnCheckpost } from '../bundle-server.ts'
import { roundsFigure, type Figure } from '../figures.ts'
import { describeRun, type LoadResult } from '../load.ts'
import { createPostgresBenchDatabase } from '../postgres-bench-database.ts'
import { say } from '../say.ts'
import { postJson, spawnServer, type ServerProcess } from '../server-process.ts'
import { runAgainst, type ServerRun } from '../server-run.ts'
import { GET_SYSTEMS } from './ceilings.ts'

const POOL_SIZE = '10'
const FIXED_RATES = [500, 2000] as const
const BARE_SERVER = fileURLToPath(new URL('../servers/pg-data-server.ts', import.meta.url))

type Setup = 'bare1' | 'keyed1' | 'checkpost1' | 'bare2' | 'keyed2' | 'checkpost2'

/**
 * Postgres: Checkpost's authenticated getSystems on one and on two host
 * processes sharing one database, against a bare Hono route with one prepared
 * pg query (same pool size), alternating, and the same route plus the
 * caller's key-row read (servers/key-row.ts); then latency at fixed offered rates.
 */
export async function measurePostgres(serverUrl: string | undefined, options: BenchOptions): Promise<Figure[]> {
  if (!serverUrl) return [{ label: 'Postgres figures', value: undefined, unit: '', note: 'set CHECKPOST_BENCH_POSTGRES_URL (or CHECKPOST_TEST_POSTGRES_URL)' }]
  const db = await createPostgresBenchDatabase(serverUrl)
  const servers: ServerProcess[] = []
  try {
    const hostEnv = { CHECKPOST_DATABASE_URL: db.url, CHECKPOST_DATABASE_POOL_SIZE: POOL_SIZE }
    const bareEnv = { BENCH_DATABASE_URL: db.url, BENCH_POOL_SIZE: POOL_SIZE }
    const keyedEnv = { ...bareEnv, BENCH_KEY_READ: '1' }
    const [hostA, hostB, bareA, bareB, keyedA, keyedB] = await Promise.all([
      spawnCheckpost({ env: hostEnv }),
      spawnCheckpost({ env: hostEnv }),
      spawnServer(BARE_SERVER, { env: bareEnv }),
      spawnServer(BARE_SERVER, { env: bareEnv }),
      spawnServer(BARE_SERVER, { env: keyedEnv }),
      spawnServer(BARE_SERVER, { env: keyedEnv }),
    ])
    servers.push(hostA, hostB, bareA, bareB, keyedA, keyedB)
    const expected = await answer(hostA, db.adminKey)
    for (const other of [hostB, bareA, bareB, keyedA, keyedB]) {
      if ((await answer(other, db.adminKey)) !== expected) throw new Error('a Postgres variant answers other bytes than Checkpost')
    }
    const setups: Record<Setup, { servers: ServerProcess[]; key?: string }> = {
      bare1: { servers: [bareA] },
      keyed1: { servers: [keyedA], key: db.adminKey },
      checkpost1: { servers: [hostA], key: db.adminKey },
      bare2: { servers: [bareA, bareB] },
      keyed2: { servers: [keyedA, keyedB], key: db.adminKey },
      checkpost2: { servers: [hostA, hostB], key: db.adminKey },
    }
    const runs: Record<Setup, ServerRun[]> = { bare1: [], keyed1: [], checkpost1: [], bare2: [], keyed2: [], checkpost2: [] }
    for (let round = 0; round < options.rounds; round++) {
      say(`  round ${round + 1}/${options.rounds}`)
      for (const setup of Object.keys(setups) as Setup[]) {
        const run = await spread(setups[setup], { connections: options.connections, durationSec: options.durationSec })
        say(describeRun(setup, run))
        runs[setup].push(run)
      }
    }
    const latency: Figure[] = []
    for (const rate of options.quick ? [100] : FIXED_RATES) {
      for (const setup of ['bare2', 'checkpost2'] as const) {
        const run = await spread(setups[setup], { connections: options.connections, durationSec: options.durationSec, rate })
        say(describeRun(`${setup} at ${rate} req/s`, run))
        latency.push(
          { label: `Postgres ${setup === 'bare2' ? 'bare route' : 'Checkpost'}, 2 processes, at ${rate} req/s: p50`, value: run.p50Ms, unit: 'ms' },
          { label: `Postgres ${setup === 'bare2' ? 'bare route' : 'Checkpost'}, 2 processes, at ${rate} req/s: p99`, value: run.p99Ms, unit: 'ms' },
        )
      }
    }
    return [...toFigures(runs), ...latency]
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
    await db.dispose()
  }
}

/**
 * Loads every server of a setup at once, splitting connections (and rate)
 * between them; the figures are the sum of rates and the worse of latencies.
 */
async function spread(setup: { servers: ServerProcess[]; key?: string }, load: { connections: number; durationSec: number; rate?: number }): Promise<ServerRun> {
  const share = setup.servers.length
  const runs = await Promise.all(
    setup.servers.map((server) =>
      runAgainst([server], {
        url: `${server.url}/api/catalog/`,
        body: GET_SYSTEMS,
        key: setup.key,
        connections: Math.max(1, Math.round(load.connections / share)),
        durationSec: load.durationSec,
        ...(load.rate === undefined ? {} : { rate: load.rate / share }),
      }),
    ),
  )
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((total, r) => total + pick(r), 0)
  const requests = sum((r) => r.requests)
  return {
    rps: sum((r) => r.rps),
    totalRps: sum((r) => r.totalRps),
    requests,
    p50Ms: Math.max(...runs.map((r) => r.p50Ms)),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    non2xx: sum((r) => r.non2xx),
    timeouts: sum((r) => r.timeouts),
    socketErrors: sum((r) => r.socketErrors),
    cpuMsPerRequest: runs.reduce((total, r) => total + r.cpuMsPerRequest * r.requests, 0) / Math.max(1, requests),
  }
}

async function answer(server: ServerProcess, key: string): Promise<string> {
  const response = await postJson(`${server.url}/api/catalog/`, GET_SYSTEMS, key)
  const text = await response.text()
  if (response.status !== 200) throw new Error(`Postgres getSystems answered ${response.status}: ${text}`)
  return text
}

function toFigures(runs: Record<Setup, ServerRun[]>): Figure[] {
  const ratio = (a: Setup, b: Setup) => runs[a].map((r, i) => r.rps / runs[b][i]!.rps)
  const rps = (setup: Setup) => runs[setup].map((r) => r.rps)
  const failed = Object.values(runs).flat().reduce((sum, r) => sum + r.non2xx + r.timeouts + r.socketErrors, 0)
  return [
    roundsFigure('Postgres bare route, 1 process', rps('bare1'), { unit: 'req/s' }),
    roundsFigure('Postgres bare route + key-row read, 1 process', rps('keyed1'), { unit: 'req/s' }),
    roundsFigure('Postgres Checkpost, 1 process', rps('checkpost1'), { unit: 'req/s' }),
    roundsFigure('Postgres bare route, 2 processes', rps('bare2'), { unit: 'req/s' }),
    roundsFigure('Postgres bare route + key-row read, 2 processes', rps('keyed2'), { unit: 'req/s' }),
    roundsFigure('Postgres Checkpost, 2 processes', rps('checkpost2'), { unit: 'req/s' }),
    roundsFigure('8. Postgres, 2 processes: Checkpost / bare route req/s', ratio('checkpost2', 'bare2'), { unit: '×', target: '≥ 0.75', test: (v) => v >= 0.75 }),
    roundsFigure('8. Postgres, 1 process: Checkpost / bare route req/s', ratio('checkpost1', 'bare1'), { unit: '×', target: '≥ 0.75', test: (v) => v >= 0.75 }),
    roundsFigure('Postgres, 2 processes: (bare route + key-row read) / bare route req/s', ratio('keyed2', 'bare2'), { unit: '×' }),
    roundsFigure('Postgres, 2 processes: Checkpost / (bare route + key-row read) req/s', ratio('checkpost2', 'keyed2'), { unit: '×' }),
    roundsFigure('Postgres, 1 process: Checkpost / (bare route + key-row read) req/s', ratio('checkpost1', 'keyed1'), { unit: '×' }),
    roundsFigure('8. Postgres failed answers', [failed], { unit: '', target: '0', test: (v) => v === 0 }),
  ]
}
