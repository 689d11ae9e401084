import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestClock, createTestHost, TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { healthcheckPlugin } from '../src/index.ts'
import { eventually, startProbeTarget } from './probe-target.ts'

/** One slow target must not hold every probe slot: other targets' checks run on time. */
for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`scheduler fairness on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('probes a fast target at once while 110 checks hang on one slow target', async () => {
      await using slow = await startProbeTarget()
      await using fast = await startProbeTarget()
      slow.hanging.add('/health')
      await using t = await createTestHost({
        plugins: [catalogPlugin, healthcheckPlugin],
        engine,
        clock: createTestClock('2026-11-23T10:00:00.000Z'),
        settings: { CHECKPOST_HEALTHCHECK_TICK_MS: '20', CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS: '127.0.0.0/8' },
      })
      const call = (path: string, body: unknown) => t.call(path, { key: t.adminKey, body })
      const systemId = (await call('catalog/', { createSystem: { name: 'web' } })).body.createSystem.id
      for (let i = 0; i < 110; i++) {
        const http = { url: slow.url, timeoutMs: 4000 }
        expect((await call('healthcheck/', { createHealthCheck: { systemId, name: `slow ${i}`, kind: 'http', intervalSeconds: 10, http } })).status).toBe(200)
      }
      await call('healthcheck/', { createHealthCheck: { systemId, name: 'fast', kind: 'http', intervalSeconds: 10, http: { url: fast.url } } })
      const started = Date.now()
      t.host.start()
      await eventually(async () => fast.hits, (hits) => hits > 0, 10_000)
      const waitedMs = Date.now() - started
      expect(waitedMs, `the fast target waited ${waitedMs} ms for a probe slot`).toBeLessThan(1500)
      // The slow target is bounded too: never more probes at once than its share.
      expect(slow.hits).toBeLessThanOrEqual(10)
    }, 30_000)
  })
}
