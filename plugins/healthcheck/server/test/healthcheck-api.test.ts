import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestClock, createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { healthcheckPlugin } from '../src/index.ts'

const T0 = '2026-11-23T10:00:00.000Z'
const UNKNOWN = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`healthcheck API on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    async function start() {
      const t = await createTestHost({ plugins: [catalogPlugin, healthcheckPlugin], engine, clock: createTestClock(T0) })
      const system = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'api' } } })).body.createSystem.id as string
      const check = (await call(t, { createHealthCheck: { systemId: system, name: 'push', kind: 'push' } })).body.createHealthCheck
      return Object.assign(t, { system, check: check.id as string })
    }
    const call = (t: TestHost, body: unknown, key = t.adminKey) => t.call('healthcheck/', { key, body })

    it('creates http and push checks and lists them by system', async () => {
      await using t = await start()
      const http = { url: 'https://status.example.test/health' }
      const created = await call(t, { createHealthCheck: { systemId: t.system, name: 'web', kind: 'http', http } })
      expect(created.body.createHealthCheck).toMatchObject({
        kind: 'http',
        intervalSeconds: 60,
        enabled: true,
        http: { url: 'https://status.example.test/health', expectedStatus: 200, timeoutMs: 5000 },
      })
      const listed = await call(t, { getHealthChecks: { systemId: t.system } })
      expect(listed.body.getHealthChecks.healthChecks.map((c: { name: string }) => c.name)).toEqual(['push', 'web'])
    })

    it.each([
      ['an http check without http settings', { kind: 'http' }, 'http'],
      ['a push check with http settings', { kind: 'push', http: { url: 'http://x.test/' } }, 'http'],
      ['a URL that is not http(s)', { kind: 'http', http: { url: 'ftp://x.test/' } }, 'http.url'],
      ['an unknown kind', { kind: 'ping' }, 'kind'],
      ['an interval under 10 s', { kind: 'push', intervalSeconds: 1 }, 'intervalSeconds'],
    ])('answers 400 naming the field for %s', async (_, change, path) => {
      await using t = await start()
      const response = await call(t, { createHealthCheck: { systemId: t.system, name: 'c', ...change } })
      expect(response.status).toBe(400)
      expect(response.body.issues[0].path).toBe(path)
    })

    it('answers 404 for an unknown system and an unknown check', async () => {
      await using t = await start()
      expect((await call(t, { createHealthCheck: { systemId: UNKNOWN, name: 'c', kind: 'push' } })).body.message).toBe('System not found')
      expect((await call(t, { getHealthCheck: { healthCheckId: UNKNOWN } })).body).toMatchObject({ code: 'NOT_FOUND', message: 'Health check not found' })
    })

    it('lets a results-only key post results but not read or edit checks', async () => {
      await using t = await start()
      const { key } = await t.createKey(['healthcheck.results.manage'])
      const posted = await call(t, { reportResults: { results: [{ healthCheckId: t.check, status: 'healthy' }] } }, key)
      expect(posted.body).toEqual({ reportResults: { stored: 1 } })
      expect((await call(t, { getHealthChecks: {} }, key)).body.message).toBe('Missing access: healthcheck.healthcheck.read')
      const reader = await t.createKey(['healthcheck.healthcheck.read'])
      const refused = await call(t, { reportResults: { results: [{ healthCheckId: t.check, status: 'healthy' }] } }, reader.key)
      expect(refused.status).toBe(403)
      expect(refused.body.message).toBe('Missing access: healthcheck.results.manage')
    })

    it('stores a batch of 1,000 results in one call, and history pages through them newest first', async () => {
      await using t = await start()
      const results = Array.from({ length: 1000 }, (_, i) => ({
        healthCheckId: t.check,
        status: i % 10 === 0 ? 'unhealthy' : 'healthy',
        latencyMs: i,
        observedAt: new Date(Date.parse(T0) - (1000 - i) * 1000).toISOString(),
      }))
      expect((await call(t, { reportResults: { results } })).body.reportResults).toEqual({ stored: 1000 })
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = (await call(t, { getHistory: { healthCheckId: t.check, limit: 300, cursor } })).body.getHistory
        seen.push(...page.results.map((r: { observedAt: string }) => r.observedAt))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      expect(seen).toHaveLength(1000)
      expect(seen).toEqual([...seen].sort().reverse())
    })

    it('stores none of a batch when one result is invalid or names an unknown check', async () => {
      await using t = await start()
      const good = { healthCheckId: t.check, status: 'healthy' }
      const badStatus = await call(t, { reportResults: { results: [good, good, { ...good, status: 'fine' }] } })
      expect(badStatus.status).toBe(400)
      expect(badStatus.body.issues[0].path).toBe('results.2.status')
      const unknown = await call(t, { reportResults: { results: [good, { ...good, healthCheckId: UNKNOWN }] } })
      expect(unknown.status).toBe(404)
      expect((await call(t, { getHistory: {} })).body.getHistory.results).toEqual([])
    })

    it('filters history by time range and answers 400 for a bad date or cursor', async () => {
      await using t = await start()
      const at = (m: number) => new Date(Date.parse(T0) - m * 60_000).toISOString()
      const results = [10, 20, 30].map((m) => ({ healthCheckId: t.check, status: 'healthy', observedAt: at(m) }))
      await call(t, { reportResults: { results } })
      const ranged = await call(t, { getHistory: { from: at(25), to: at(15) } })
      expect(ranged.body.getHistory.results.map((r: { observedAt: string }) => r.observedAt)).toEqual([at(20)])
      expect((await call(t, { getHistory: { from: 'yesterday' } })).status).toBe(400)
      expect((await call(t, { getHistory: { cursor: 'nope' } })).status).toBe(400)
    })

    it('reports each check\'s latest state, uptime, and each system\'s worst state', async () => {
      await using t = await start()
      const second = (await call(t, { createHealthCheck: { systemId: t.system, name: 'second', kind: 'push' } })).body.createHealthCheck.id
      const ago = (h: number) => new Date(Date.parse(T0) - h * 3600_000).toISOString()
      await call(t, {
        reportResults: {
          results: [
            { healthCheckId: t.check, status: 'unhealthy', observedAt: ago(48) },
            { healthCheckId: t.check, status: 'healthy', observedAt: ago(2) },
            { healthCheckId: t.check, status: 'degraded', observedAt: ago(1) },
            { healthCheckId: second, status: 'unhealthy', observedAt: ago(1) },
          ],
        },
      })
      const status = (await call(t, { getStatus: {} })).body.getStatus
      const first = status.checks.find((c: { healthCheckId: string }) => c.healthCheckId === t.check)
      expect(first).toMatchObject({ status: 'degraded', lastObservedAt: ago(1), uptime: { '24h': 1, '7d': 2 / 3, '30d': 2 / 3 } })
      expect(status.systems).toEqual([{ systemId: t.system, status: 'unhealthy', underMaintenance: false }])
    })

    it('a system whose check has no results is unknown', async () => {
      await using t = await start()
      const status = (await call(t, { getStatus: { systemId: t.system } })).body.getStatus
      expect(status.checks[0]).toMatchObject({ status: 'unknown', lastObservedAt: null, uptime: { '24h': null } })
      expect(status.systems[0].status).toBe('unknown')
    })

    it('deleting the catalog system removes its checks and results; lists keep answering', async () => {
      await using t = await start()
      await call(t, { reportResults: { results: [{ healthCheckId: t.check, status: 'healthy' }] } })
      await t.call('catalog/', { key: t.adminKey, body: { deleteSystem: { systemId: t.system } } })
      expect((await call(t, { getHealthChecks: {} })).body.getHealthChecks.healthChecks).toEqual([])
      expect((await call(t, { getStatus: {} })).body.getStatus).toEqual({ checks: [], systems: [] })
      expect((await call(t, { getHistory: {} })).body.getHistory.results).toEqual([])
    })

    it('changes only the http settings an update names', async () => {
      await using t = await start()
      const http = { url: 'https://status.example.test/health', expectedStatus: 204, timeoutMs: 2000 }
      const check = (await call(t, { createHealthCheck: { systemId: t.system, name: 'web', kind: 'http', http } })).body.createHealthCheck
      const updated = await call(t, { updateHealthCheck: { healthCheckId: check.id, http: { timeoutMs: 9000 } } })
      expect(updated.body.updateHealthCheck.http).toEqual({ ...http, timeoutMs: 9000 })
      const bad = await call(t, { updateHealthCheck: { healthCheckId: check.id, http: { url: 'file:///etc/passwd' } } })
      expect([bad.status, bad.body.issues[0].path]).toEqual([400, 'http.url'])
    })

    it('updates a check and refuses http settings on a push check', async () => {
      await using t = await start()
      const updated = await call(t, { updateHealthCheck: { healthCheckId: t.check, name: 'renamed', enabled: false } })
      expect(updated.body.updateHealthCheck).toMatchObject({ name: 'renamed', enabled: false })
      const refused = await call(t, { updateHealthCheck: { healthCheckId: t.check, http: { url: 'http://x.test/' } } })
      expect(refused.status).toBe(400)
      expect((await call(t, { deleteHealthCheck: { healthCheckId: t.check } })).body.deleteHealthCheck).toEqual({ success: true })
      expect((await call(t, { getHealthCheck: { healthCheckId: t.check } })).status).toBe(404)
    })
  })
}
