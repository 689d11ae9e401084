import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestClock, createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { healthcheckPlugin } from '../src/index.ts'
import { eventually, startProbeTarget } from './probe-target.ts'

/**
 * SSRF: http checks reach only public unicast addresses, unless the address
 * is inside CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS. Targets here are real
 * local servers and literal or `localhost` names, so no test needs DNS.
 */
const SETTING = 'CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS'
const LITERAL_TARGETS = [
  'http://127.0.0.1:{port}/health',
  'http://2130706433:{port}/health', // 127.0.0.1 as one decimal number
  'http://0x7f.1:{port}/health', // 127.0.0.1 in hex, short form
  'http://[::1]:{port}/health',
  'http://[::ffff:127.0.0.1]:{port}/health', // IPv4-mapped IPv6
  'http://169.254.169.254/latest/meta-data/', // cloud metadata (link-local)
  'http://10.0.0.1/',
  'http://192.168.1.1/',
  'http://0.0.0.0:{port}/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://224.0.0.1/',
]

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`http checks reach only allowed addresses on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const call = (t: TestHost, body: unknown) => t.call('healthcheck/', { key: t.adminKey, body })
    async function start(settings: Record<string, string> = {}) {
      const t = await createTestHost({
        plugins: [catalogPlugin, healthcheckPlugin],
        engine,
        clock: createTestClock('2026-11-23T10:00:00.000Z'),
        settings: { CHECKPOST_HEALTHCHECK_TICK_MS: '20', ...settings },
      })
      const system = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'web' } } })).body.createSystem.id as string
      return Object.assign(t, { system })
    }
    const history = async (t: TestHost) => (await call(t, { getHistory: {} })).body.getHistory.results as { status: string; message: string }[]

    it.each(LITERAL_TARGETS)('refuses %s at create with 400 naming the setting', async (pattern) => {
      await using target = await startProbeTarget()
      await using t = await start()
      const url = pattern.replace('{port}', new URL(target.origin).port)
      const response = await call(t, { createHealthCheck: { systemId: t.system, name: 'internal', kind: 'http', http: { url } } })
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect(response.body.message).toContain(SETTING)
      t.host.start()
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(target.hits).toBe(0)
    })

    it('refuses a literal loopback target at update with 400 naming the setting', async () => {
      await using t = await start()
      const http = { url: 'https://status.example.test/health' }
      const check = (await call(t, { createHealthCheck: { systemId: t.system, name: 'public', kind: 'http', enabled: false, http } })).body.createHealthCheck
      const response = await call(t, { updateHealthCheck: { healthCheckId: check.id, http: { url: 'http://[::ffff:7f00:1]/' } } })
      expect(response.status).toBe(400)
      expect(response.body.message).toContain(SETTING)
    })

    it('records a name resolving to loopback as unhealthy, not allowed, without connecting', async () => {
      await using target = await startProbeTarget()
      await using t = await start()
      const url = target.url.replace('127.0.0.1', 'localhost')
      const created = await call(t, { createHealthCheck: { systemId: t.system, name: 'sneaky', kind: 'http', http: { url, timeoutMs: 2000 } } })
      expect(created.status).toBe(200)
      t.host.start()
      const [result] = await eventually(() => history(t), (r) => r.length === 1)
      expect(result!.status).toBe('unhealthy')
      expect(result!.message).toMatch(/not allowed/)
      expect(result!.message).toContain(SETTING)
      expect(target.hits).toBe(0)
    })

    it('probes a loopback target inside the allowed networks', async () => {
      await using target = await startProbeTarget()
      await using t = await start({ [SETTING]: '127.0.0.0/8, ::1/128' })
      for (const url of [target.url, target.url.replace('127.0.0.1', 'localhost')]) {
        const created = await call(t, { createHealthCheck: { systemId: t.system, name: url, kind: 'http', http: { url } } })
        expect(created.status, JSON.stringify(created.body)).toBe(200)
      }
      t.host.start()
      const results = await eventually(() => history(t), (r) => r.length === 2)
      expect(results.map((r) => r.status)).toEqual(['healthy', 'healthy'])
      expect(target.hits).toBe(2)
    })

    it('does not follow a redirect to an address that is not allowed', async () => {
      await using target = await startProbeTarget()
      await using t = await start({ [SETTING]: '127.0.0.1/32' })
      target.status = 302
      const http = { url: target.url, expectedStatus: 200 }
      await call(t, { createHealthCheck: { systemId: t.system, name: 'redirect', kind: 'http', http } })
      t.host.start()
      const [result] = await eventually(() => history(t), (r) => r.length === 1)
      expect(result).toMatchObject({ status: 'unhealthy', message: 'HTTP 302, expected 200' })
      expect(target.hits).toBe(1)
    })
  })
}

describe('CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS', () => {
  it('refuses a malformed network list at startup, naming the setting', async () => {
    await expect(createTestHost({ plugins: [catalogPlugin, healthcheckPlugin], settings: { [SETTING]: '10.0.0.0/33' } })).rejects.toThrow(SETTING)
  })
})
