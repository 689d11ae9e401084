import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestClock, createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { healthcheckPlugin } from '../src/index.ts'
import type { HealthcheckTables } from '../src/tables.ts'
import { eventually, startProbeTarget } from './probe-target.ts'

const T0 = '2026-11-23T10:00:00.000Z'
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`healthcheck scheduler leases and retention task on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const call = (t: TestHost, body: unknown) => t.call('healthcheck/', { key: t.adminKey, body })
    async function start(settings: Record<string, string> = {}) {
      const clock = createTestClock(T0)
      const t = await createTestHost({ plugins: [catalogPlugin, healthcheckPlugin], engine, clock, settings: { CHECKPOST_HEALTHCHECK_TICK_MS: '20', CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS: '127.0.0.0/8', ...settings } })
      const system = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'web' } } })).body.createSystem.id as string
      return Object.assign(t, { system, tables: t.db.database.db as Kysely<HealthcheckTables> })
    }
    const resultCount = async (t: TestHost) => (await call(t, { getHistory: {} })).body.getHistory.results.length as number

    it('takes over a check whose lease was left by a dead process once the lease expires', async () => {
      await using target = await startProbeTarget()
      await using t = await start()
      const http = { url: target.url, timeoutMs: 1000 }
      const check = (await call(t, { createHealthCheck: { systemId: t.system, name: 'web', kind: 'http', intervalSeconds: 10, http } })).body.createHealthCheck
      // A process claimed the check at T0 and died mid-probe: its lease runs to T0 + 6 s.
      const leaseEnd = new Date(Date.parse(T0) + 6_000).toISOString()
      await t.tables.updateTable('healthcheck_checks').set({ lease_owner: 'dead-process', lease_expires_at: leaseEnd, next_run_at: T0 }).where('id', '=', check.id).execute()
      t.host.start()
      await pause(150)
      expect(target.hits).toBe(0)
      t.clock.advance(7_000)
      await eventually(() => resultCount(t), (n) => n === 1)
      expect(target.hits).toBe(1)
      const row = await t.tables.selectFrom('healthcheck_checks').selectAll().where('id', '=', check.id).executeTakeFirstOrThrow()
      expect([row.lease_owner, row.next_run_at]).toEqual([null, new Date(Date.parse(T0) + 17_000).toISOString()])
    })

    it('probes only enabled http checks, and a re-enabled check at once', async () => {
      await using target = await startProbeTarget()
      await using t = await start()
      const http = { url: target.url }
      const off = (await call(t, { createHealthCheck: { systemId: t.system, name: 'off', kind: 'http', enabled: false, http } })).body.createHealthCheck
      await call(t, { createHealthCheck: { systemId: t.system, name: 'pushed', kind: 'push' } })
      t.host.start()
      await pause(150)
      expect(target.hits).toBe(0)
      await call(t, { updateHealthCheck: { healthCheckId: off.id, enabled: true } })
      await eventually(() => resultCount(t), (n) => n === 1)
      expect(target.hits).toBe(1)
    })

    it('stop() waits for a probe in flight, and its result is recorded', async () => {
      await using target = await startProbeTarget()
      target.delayMs = 300
      await using t = await start()
      await call(t, { createHealthCheck: { systemId: t.system, name: 'slow', kind: 'http', http: { url: target.url } } })
      t.host.start()
      await eventually(async () => target.hits, (hits) => hits === 1)
      await t.host.close()
      expect(await resultCount(t)).toBe(1)
    })

    it('the retention task deletes results past CHECKPOST_HEALTHCHECK_RETENTION_DAYS when the host starts', async () => {
      await using t = await start({ CHECKPOST_HEALTHCHECK_RETENTION_DAYS: '7' })
      const check = (await call(t, { createHealthCheck: { systemId: t.system, name: 'push', kind: 'push' } })).body.createHealthCheck
      const daysAgo = (d: number) => new Date(Date.parse(T0) - d * 86_400_000).toISOString()
      const results = [8, 7.5, 6.9, 1].map((d) => ({ healthCheckId: check.id, status: 'healthy', observedAt: daysAgo(d) }))
      await call(t, { reportResults: { results } })
      t.host.start()
      await eventually(() => resultCount(t), (n) => n === 2)
      const left = (await call(t, { getHistory: {} })).body.getHistory.results.map((r: { observedAt: string }) => r.observedAt)
      expect(left).toEqual([daysAgo(1), daysAgo(6.9)])
    })
  })
}
