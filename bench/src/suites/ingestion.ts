import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { median, type Figure } from '../figures.ts'
import { CHECKPOST_MAIN, spawnServer } from '../server-process.ts'

const RESULTS_PER_BATCH = 1000

/** Target 4: healthcheck reportResults in batches of 1,000, each batch all-or-nothing (SQLite, WAL). */
export async function measureIngestion(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const server = await spawnServer(CHECKPOST_MAIN, { CHECKPOST_DATABASE_URL: db.url })
  const post = async (pluginId: string, body: unknown) => {
    const response = await fetch(`${server.url}/api/${pluginId}/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${db.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await response.json()) as Record<string, Record<string, unknown>>
    if (response.status !== 200) throw new Error(`ingestion setup answered ${response.status}: ${JSON.stringify(json)}`)
    return Object.values(json)[0]!
  }
  const rates: number[] = []
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
    await post('healthcheck', body)
    for (let round = 0; round < options.rounds; round++) {
      const start = performance.now()
      for (let i = 0; i < options.ingestBatches; i++) await post('healthcheck', body)
      rates.push((options.ingestBatches * RESULTS_PER_BATCH) / ((performance.now() - start) / 1000))
    }
  } finally {
    await server.stop()
  }
  const rate = median(rates)
  return [{ label: '4. reportResults, batches of 1,000', value: rate, unit: 'results/s', target: '≥ 20,000', holds: rate >= 20_000 }]
}
