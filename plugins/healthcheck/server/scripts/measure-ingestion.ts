/**
 * Quick in-process figure for issue 7 target 4: reportResults in batches of 1,000
 * through the real host (auth, validation, one transaction per call) on a SQLite
 * file in WAL mode, or on Postgres. Run: npx tsx scripts/measure-ingestion.ts [batches] [sqlite|postgres]
 * (postgres needs CHECKPOST_TEST_POSTGRES_URL).
 */
import { catalogPlugin } from '@checkpost/catalog-server'
import { applicationsTestAuth } from '@checkpost/auth-applications-server/testing'
import { createTestHost } from '@checkpost/testing'
import { healthcheckPlugin } from '../src/index.ts'

const BATCH = 1000
const batches = Number(process.argv[2] ?? 50)
const engine = process.argv[3] === 'postgres' ? 'postgres' : 'sqlite'

await using t = await createTestHost({ auth: applicationsTestAuth, plugins: [catalogPlugin, healthcheckPlugin], engine })
const call = (body: unknown) => t.call('healthcheck/', { key: t.adminKey, body })
const system = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'ingest' } } })).body.createSystem.id
const checkIds: string[] = []
for (let i = 0; i < 10; i++) {
  checkIds.push((await call({ createHealthCheck: { systemId: system, name: `pushed ${i}`, kind: 'push' } })).body.createHealthCheck.id)
}
const body = {
  reportResults: {
    results: Array.from({ length: BATCH }, (_, i) => ({
      healthCheckId: checkIds[i % checkIds.length],
      status: i % 50 === 0 ? 'degraded' : 'healthy',
      latencyMs: i % 300,
      message: 'synthetic monitor result',
    })),
  },
}
for (let i = 0; i < 5; i++) await call(body) // warm-up
const rates: number[] = []
for (let round = 0; round < 3; round++) {
  const start = performance.now()
  for (let i = 0; i < batches; i++) {
    const response = await call(body)
    if (response.status !== 200) throw new Error(JSON.stringify(response.body))
  }
  rates.push((batches * BATCH) / ((performance.now() - start) / 1000))
}
rates.sort((a, b) => a - b)
process.stdout.write(`${engine}, rounds: ${rates.map((r) => Math.round(r)).join(', ')} results/s; median ${Math.round(rates[1]!)}\n`)
