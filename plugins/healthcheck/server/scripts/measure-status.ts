/**
 * How long getStatus takes over a month of results: `checks` push checks with one
 * result a minute for 30 days, through the real host on a SQLite file (or Postgres).
 * Run: npx tsx scripts/measure-status.ts [checks] [sqlite|postgres]
 */
import { catalogPlugin } from '@checkpost/catalog-server'
import { applicationsTestAuth } from '@checkpost/auth-applications-server/testing'
import { createTestHost } from '@checkpost/testing'
import { healthcheckPlugin } from '../src/index.ts'

const checks = Number(process.argv[2] ?? 20)
const engine = process.argv[3] === 'postgres' ? 'postgres' : 'sqlite'
const MINUTES = 30 * 24 * 60

await using t = await createTestHost({ auth: applicationsTestAuth, plugins: [catalogPlugin, healthcheckPlugin], engine })
const call = (body: unknown) => t.call('healthcheck/', { key: t.adminKey, body })
const system = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'big' } } })).body.createSystem.id
const now = t.clock.now().getTime()
for (let c = 0; c < checks; c++) {
  const id = (await call({ createHealthCheck: { systemId: system, name: `check ${c}`, kind: 'push' } })).body.createHealthCheck.id
  for (let m = 0; m < MINUTES; m += 1000) {
    const results = Array.from({ length: Math.min(1000, MINUTES - m) }, (_, i) => ({
      healthCheckId: id,
      status: (m + i) % 97 === 0 ? 'unhealthy' : 'healthy',
      observedAt: new Date(now - (m + i + 1) * 60_000).toISOString(),
    }))
    const response = await call({ reportResults: { results } })
    if (response.status !== 200) throw new Error(JSON.stringify(response.body))
  }
}
const times: number[] = []
for (let i = 0; i < 5; i++) {
  const start = performance.now()
  const response = await call({ getStatus: {} })
  if (response.status !== 200) throw new Error(JSON.stringify(response.body))
  times.push(performance.now() - start)
}
times.sort((a, b) => a - b)
process.stdout.write(`${engine}: ${checks} checks × ${MINUTES} results; getStatus median ${Math.round(times[2]!)} ms\n`)
