import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestClock, createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { healthcheckPlugin } from '../src/index.ts'

const T0 = '2026-11-23T10:00:00.000Z'
const UNKNOWN = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'
const hoursAgo = (h: number) => new Date(Date.parse(T0) - h * 3600_000).toISOString()

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`healthcheck status and filters on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const call = (t: TestHost, body: unknown, key = t.adminKey) => t.call('healthcheck/', { key, body })
    async function start() {
      const t = await createTestHost({ plugins: [catalogPlugin, healthcheckPlugin], engine, clock: createTestClock(T0) })
      const createSystem = async (name: string) =>
        (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name } } })).body.createSystem.id as string
      const createCheck = async (systemId: string, name: string) =>
        (await call(t, { createHealthCheck: { systemId, name, kind: 'push' } })).body.createHealthCheck.id as string
      return Object.assign(t, { createSystem, createCheck })
    }

    it('gives each system the worst state of its checks, and each check its uptime per window', async () => {
      await using t = await start()
      const [shop, blog, docs] = [await t.createSystem('shop'), await t.createSystem('blog'), await t.createSystem('docs')]
      const [cart, pay, feed] = [await t.createCheck(shop, 'cart'), await t.createCheck(shop, 'pay'), await t.createCheck(blog, 'feed')]
      await t.createCheck(docs, 'never reported')
      const report = (healthCheckId: string, status: string, hours: number) => ({ healthCheckId, status, observedAt: hoursAgo(hours) })
      const results = [
        report(cart, 'unhealthy', 24 * 20), // only in the 30 d window
        report(cart, 'unhealthy', 24 * 3), // in 7 d and 30 d
        report(cart, 'healthy', 5),
        report(cart, 'healthy', 3),
        report(cart, 'degraded', 2), // up, and the latest
        report(cart, 'healthy', 24 * 40), // outside every window
        report(pay, 'healthy', 1),
        report(feed, 'healthy', 1),
      ]
      await call(t, { reportResults: { results } })
      const status = (await call(t, { getStatus: {} })).body.getStatus
      const ofCheck = (id: string) => status.checks.find((c: { healthCheckId: string }) => c.healthCheckId === id)
      expect(ofCheck(cart)).toMatchObject({ status: 'degraded', lastObservedAt: hoursAgo(2), uptime: { '24h': 1, '7d': 3 / 4, '30d': 3 / 5 } })
      expect(ofCheck(pay)).toMatchObject({ status: 'healthy', uptime: { '24h': 1, '7d': 1, '30d': 1 } })
      const bySystem = Object.fromEntries(status.systems.map((s: { systemId: string; status: string }) => [s.systemId, s.status]))
      expect(bySystem).toEqual({ [shop]: 'degraded', [blog]: 'healthy', [docs]: 'unknown' })
      await call(t, { reportResults: { results: [report(feed, 'unhealthy', 0)] } })
      const blogOnly = (await call(t, { getStatus: { systemId: blog } })).body.getStatus
      expect(blogOnly.checks.map((c: { healthCheckId: string }) => c.healthCheckId)).toEqual([feed])
      expect(blogOnly.systems).toEqual([{ systemId: blog, status: 'unhealthy', underMaintenance: false }])
    })

    it('counts uptime exactly at a window edge that falls mid-hour, from results and hourly counts', async () => {
      await using t = await start()
      t.clock.set('2026-11-23T10:30:00.000Z')
      const check = await t.createCheck(await t.createSystem('edge'), 'edge')
      const at = (minutesAgo: number) => new Date(Date.parse('2026-11-23T10:30:00.000Z') - minutesAgo * 60_000).toISOString()
      const day = 24 * 60
      const results = [
        { status: 'unhealthy', observedAt: at(day + 10) }, // 10:20 yesterday: outside 24 h
        { status: 'unhealthy', observedAt: at(day - 10) }, // 10:40 yesterday: inside, in the edge hour
        { status: 'healthy', observedAt: at(day - 40) }, // 11:10 yesterday: inside, a whole hour
        { status: 'healthy', observedAt: at(1) },
      ].map((r) => ({ healthCheckId: check, ...r }))
      await call(t, { reportResults: { results: results.slice(0, 2) } })
      await call(t, { reportResults: { results: results.slice(2) } })
      const [status] = (await call(t, { getStatus: {} })).body.getStatus.checks
      expect(status.uptime).toEqual({ '24h': 2 / 3, '7d': 2 / 4, '30d': 2 / 4 })
    })

    it('lists nothing for a filter naming an unknown system or check, as the host does for a hidden one', async () => {
      await using t = await start()
      await t.createCheck(await t.createSystem('other'), 'elsewhere')
      const response = await call(t, {
        getHealthChecks: { systemId: UNKNOWN },
        getStatus: { systemId: UNKNOWN },
        getHistory: { systemId: UNKNOWN },
      })
      expect(response.body).toEqual({
        getHealthChecks: { healthChecks: [] },
        getStatus: { checks: [], systems: [] },
        getHistory: { results: [], nextCursor: null },
      })
      expect((await call(t, { getHistory: { healthCheckId: UNKNOWN } })).body.getHistory.results).toEqual([])
      const empty = await t.createSystem('no checks yet')
      expect((await call(t, { getStatus: { systemId: empty } })).body.getStatus.systems).toEqual([
        { systemId: empty, status: 'unknown', underMaintenance: false },
      ])
    })

    it('answers 404 for an unknown check id', async () => {
      await using t = await start()
      for (const body of [{ updateHealthCheck: { healthCheckId: UNKNOWN, name: 'x' } }, { deleteHealthCheck: { healthCheckId: UNKNOWN } }]) {
        const response = await call(t, body)
        expect([response.status, response.body.message]).toEqual([404, 'Health check not found'])
      }
    })

    it('lets a reader filter by system without any catalog rule', async () => {
      await using t = await start()
      const system = await t.createSystem('api')
      const check = await t.createCheck(system, 'ping')
      const { key } = await t.createKey(['healthcheck.healthcheck.read'])
      const response = await call(t, { getStatus: { systemId: system }, getHistory: { healthCheckId: check }, getHealthChecks: { systemId: system } }, key)
      expect(response.status).toBe(200)
      expect(response.body.getHealthChecks.healthChecks).toHaveLength(1)
    })

    it('answers 400 for a range that ends before it starts, an oversize message, a bad or future observedAt', async () => {
      await using t = await start()
      const range = await call(t, { getHistory: { from: hoursAgo(1), to: hoursAgo(2) } })
      expect([range.status, range.body.issues[0].path]).toEqual([400, 'to'])
      const check = await t.createCheck(await t.createSystem('x'), 'x')
      const long = await call(t, { reportResults: { results: [{ healthCheckId: check, status: 'healthy', message: 'x'.repeat(2001) }] } })
      expect([long.status, long.body.issues[0].path]).toEqual([400, 'results.0.message'])
      const badTime = await call(t, { reportResults: { results: [{ healthCheckId: check, status: 'healthy', observedAt: '23/11/2026' }] } })
      expect([badTime.status, badTime.body.issues[0].path]).toEqual([400, 'results.0.observedAt'])
      const inFiveMinutes = new Date(Date.parse(T0) + 5 * 60_000).toISOString()
      const ahead = { healthCheckId: check, status: 'healthy', observedAt: new Date(Date.parse(T0) + 6 * 60_000).toISOString() }
      const future = await call(t, { reportResults: { results: [{ ...ahead, observedAt: inFiveMinutes }, ahead] } })
      expect([future.status, future.body.message]).toEqual([400, 'results.1.observedAt is more than 5 minutes in the future'])
      expect((await call(t, { getHistory: {} })).body.getHistory.results).toEqual([])
    })

    it('pages history across checks of one system, newest first, with a cursor', async () => {
      await using t = await start()
      const system = await t.createSystem('shop')
      const [a, b] = [await t.createCheck(system, 'a'), await t.createCheck(system, 'b')]
      const other = await t.createCheck(await t.createSystem('other'), 'c')
      const results = [a, b, other].flatMap((id) => [1, 2, 3].map((h) => ({ healthCheckId: id, status: 'healthy', observedAt: hoursAgo(h) })))
      await call(t, { reportResults: { results } })
      const first = (await call(t, { getHistory: { systemId: system, limit: 4 } })).body.getHistory
      const second = (await call(t, { getHistory: { systemId: system, limit: 4, cursor: first.nextCursor } })).body.getHistory
      const seen = [...first.results, ...second.results]
      expect(seen).toHaveLength(6)
      expect(new Set(seen.map((r: { id: string }) => r.id)).size).toBe(6)
      expect(seen.every((r: { healthCheckId: string }) => r.healthCheckId !== other)).toBe(true)
      expect(seen.map((r: { observedAt: string }) => r.observedAt)).toEqual([hoursAgo(1), hoursAgo(1), hoursAgo(2), hoursAgo(2), hoursAgo(3), hoursAgo(3)])
      expect(second.nextCursor).toBeNull()
    })
  })
}
