import { randomUUID } from 'node:crypto'
import { plugins } from '@checkpost/server-app'
import type { BenchOptions } from '../bench-options.ts'
import { spawnCheckpost } from '../bundle-server.ts'
import { roundsFigure, targetFigure, type Figure } from '../figures.ts'
import { cpuMsOf } from '../process-cpu.ts'
import { say } from '../say.ts'
import { postJson, ROOT, spawnServer } from '../server-process.ts'

const RESULTS_PER_BATCH = 1000

/** A database to ingest into: its URL, an admin key, and a side count of stored results. */
export interface IngestTarget {
  readonly engine: 'SQLite' | 'Postgres'
  readonly url: string
  readonly adminKey: string
  readonly countResults: () => Promise<number>
  /** The rate the engine is held to, in results per second. */
  readonly minRate: number
}

/** Target 4: healthcheck reportResults in batches of 1,000, each batch all-or-nothing. */
export async function measureIngestion(db: IngestTarget, options: BenchOptions): Promise<Figure[]> {
  const LABEL = `4. reportResults on ${db.engine}, batches of 1,000`
  const ATOMIC_LABEL = `4. rows left by a batch with one bad result (${db.engine})`
  const CPU_LABEL = `4. server CPU per 1,000 results (${db.engine})`
  if (!plugins.some((plugin) => plugin.id === 'healthcheck')) {
    const note = 'healthcheck plugin not mounted'
    return [
      { label: LABEL, value: undefined, unit: 'results/s', note },
      { label: CPU_LABEL, value: undefined, unit: 'ms', note },
      { label: ATOMIC_LABEL, value: undefined, unit: '', note },
    ]
  }
  const env = { CHECKPOST_DATABASE_URL: db.url }
  // Profiled from source (through tsx) so that each frame names its package and file.
  const server = options.profileDir
    ? await spawnServer(`${ROOT}apps/server/src/main.ts`, { env, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] })
    : await spawnCheckpost({ env })
  const post = async (pluginId: string, body: unknown, expected = 200) => {
    const response = await postJson(`${server.url}/api/${pluginId}/`, JSON.stringify(body), db.adminKey)
    const json = (await response.json()) as Record<string, Record<string, unknown>>
    if (response.status !== expected) throw new Error(`${pluginId} answered ${response.status}: ${JSON.stringify(json)}`)
    return Object.values(json)[0]!
  }
  const rates: number[] = []
  const cpuMs: number[] = []
  let leftBehind = NaN
  try {
    const system = await post('catalog', { createSystem: { name: 'ingest' } })
    const check = await post('healthcheck', { createHealthCheck: { systemId: system.id, name: 'pushed', kind: 'push' } })
    const results = Array.from({ length: RESULTS_PER_BATCH }, (_, i) => ({
      healthCheckId: check.id,
      status: i % 50 === 0 ? 'degraded' : 'healthy',
      latencyMs: i % 300,
      message: 'synthetic monitor result',
    }))
    const body = { reportResults: { results } }
    const stored = await post('healthcheck', body)
    if (stored.stored !== RESULTS_PER_BATCH) throw new Error(`reportResults stored ${JSON.stringify(stored)}`)
    for (let round = 0; round < options.rounds; round++) {
      const start = performance.now()
      const cpuBefore = cpuMsOf(server.pid)
      for (let i = 0; i < options.ingestBatches; i++) await post('healthcheck', body)
      const rate = (options.ingestBatches * RESULTS_PER_BATCH) / ((performance.now() - start) / 1000)
      // Server user + system CPU per batch: other load on the machine disturbs it far less than the rate.
      const cpu = (cpuMsOf(server.pid) - cpuBefore) / options.ingestBatches
      say(`    round ${round + 1}: ${Math.round(rate).toLocaleString('en-US')} results/s, server CPU ${cpu.toFixed(1)} ms per 1,000`)
      rates.push(rate)
      cpuMs.push(cpu)
    }
    // All or nothing: the last of 1,000 results names a check that does not exist.
    const before = await db.countResults()
    const bad = { reportResults: { results: [...results.slice(1), { ...results[0]!, healthCheckId: randomUUID() }] } }
    const response = await postJson(`${server.url}/api/healthcheck/`, JSON.stringify(bad), db.adminKey)
    await response.arrayBuffer()
    if (response.status === 200) throw new Error('a batch with an unknown health check was accepted')
    leftBehind = (await db.countResults()) - before
  } finally {
    await server.stop()
  }
  return [
    roundsFigure(LABEL, rates, { unit: 'results/s', target: `≥ ${db.minRate.toLocaleString('en-US')}`, test: (v) => v >= db.minRate }),
    roundsFigure(CPU_LABEL, cpuMs, { unit: 'ms' }),
    targetFigure(ATOMIC_LABEL, leftBehind, { unit: '', target: '0', test: (v) => v === 0 }),
  ]
}
