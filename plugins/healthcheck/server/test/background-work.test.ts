import { catalogPlugin } from '@checkpost/catalog-server'
import { maintenancePlugin } from '@checkpost/maintenance-server'
import { createTestClock, createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { healthcheckPlugin, purgeOldResults } from '../src/index.ts'
import { eventually, startProbeTarget } from './probe-target.ts'

const T0 = '2026-11-23T10:00:00.000Z'
// Probe targets are local servers: their network must be allowed.
const FAST = { CHECKPOST_HEALTHCHECK_TICK_MS: '20', CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS: '127.0.0.0/8' }

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`healthcheck background work on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const call = (t: TestHost, body: unknown) => t.call('healthcheck/', { key: t.adminKey, body })
    async function start() {
      const t = await createTestHost({
        plugins: [catalogPlugin, maintenancePlugin, healthcheckPlugin],
        engine,
        clock: createTestClock(T0),
        settings: FAST,
      })
      const system = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'web' } } })).body.createSystem.id as string
      return Object.assign(t, { system })
    }
    const history = async (t: TestHost) =>
      ((await call(t, { getHistory: {} })).body.getHistory.results as { status: string; message: string }[]).reverse()

    it('probes a real HTTP server on its interval: healthy, then unhealthy once it fails', async () => {
      await using target = await startProbeTarget()
      await using t = await start()
      const http = { url: target.url, timeoutMs: 1000 }
      await call(t, { createHealthCheck: { systemId: t.system, name: 'web', kind: 'http', intervalSeconds: 30, http } })
      t.host.start()
      const first = await eventually(() => history(t), (r) => r.length === 1)
      expect(first[0]).toMatchObject({ status: 'healthy', message: 'HTTP 200' })
      target.status = 500
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(await history(t)).toHaveLength(1) // not due before the interval
      t.clock.advance(30_000)
      const second = await eventually(() => history(t), (r) => r.length === 2)
      expect(second[1]).toMatchObject({ status: 'unhealthy', message: 'HTTP 500, expected 200' })
      const status = (await call(t, { getStatus: {} })).body.getStatus
      expect(status.systems[0].status).toBe('unhealthy')
    })

    it('records an unreachable target as unhealthy', async () => {
      await using t = await start()
      const http = { url: 'http://127.0.0.1:9/health', timeoutMs: 500 }
      await call(t, { createHealthCheck: { systemId: t.system, name: 'closed port', kind: 'http', http } })
      t.host.start()
      const [result] = await eventually(() => history(t), (r) => r.length === 1)
      expect(result!.status).toBe('unhealthy')
    })

    it('two hosts on one database probe each check once per interval, never twice', async () => {
      await using target = await startProbeTarget()
      await using t = await start()
      const other = t.createSiblingHost()
      await call(t, { createHealthCheck: { systemId: t.system, name: 'web', kind: 'http', intervalSeconds: 10, http: { url: target.url } } })
      t.host.start()
      other.start()
      for (let interval = 1; interval <= 4; interval++) {
        await eventually(() => history(t), (r) => r.length === interval)
        await new Promise((resolve) => setTimeout(resolve, 150)) // both schedulers tick several times
        expect(target.hits).toBe(interval)
        t.clock.advance(10_000)
      }
    })

    it('reports a system under an in-progress maintenance window as under maintenance', async () => {
      await using t = await start()
      const check = (await call(t, { createHealthCheck: { systemId: t.system, name: 'push', kind: 'push' } })).body.createHealthCheck
      await call(t, { reportResults: { results: [{ healthCheckId: check.id, status: 'unhealthy' }] } })
      const window = { title: 'db upgrade', systemIds: [t.system], startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T11:00:00Z' }
      await t.call('maintenance/', { key: t.adminKey, body: { scheduleWindow: window } })
      const during = (await call(t, { getStatus: {} })).body.getStatus.systems[0]
      expect(during).toEqual({ systemId: t.system, status: 'maintenance', underMaintenance: true })
      t.clock.set('2026-11-23T12:00:00Z')
      const after = (await call(t, { getStatus: {} })).body.getStatus.systems[0]
      expect(after).toEqual({ systemId: t.system, status: 'unhealthy', underMaintenance: false })
    })

    it('retention deletes results older than the limit, in batches, and only those', async () => {
      await using t = await start()
      const check = (await call(t, { createHealthCheck: { systemId: t.system, name: 'push', kind: 'push' } })).body.createHealthCheck
      const day = 86_400_000
      const results = Array.from({ length: 1200 }, (_, i) => ({
        healthCheckId: check.id,
        status: 'healthy',
        observedAt: new Date(Date.parse(T0) - (i < 1000 ? 40 : 10) * day - i).toISOString(),
      }))
      for (let i = 0; i < results.length; i += 600) await call(t, { reportResults: { results: results.slice(i, i + 600) } })
      expect(await purgeOldResults(t.db.database, t.clock.now(), 30)).toBe(1000)
      const left = await t.db.database.db.selectFrom('healthcheck_results').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      expect(Number(left.n)).toBe(200)
      const hours = await t.db.database.db.selectFrom('healthcheck_uptime_hours').select((eb) => eb.fn.sum('total').as('total')).executeTakeFirstOrThrow()
      expect(Number(hours.total)).toBe(200) // the hourly counts of deleted hours went too
    })
  })
}
