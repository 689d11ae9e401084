import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { asAdmin, createReader, getSystemsAs, TRUST_LOCAL_PROXY } from './support/key-calls.ts'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`rate limits, source allowlists and last source address on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = (settings: Record<string, string> = TRUST_LOCAL_PROXY) => createTestHost({ plugins: [catalogPlugin], engine, settings })

    it('answers 429 with Retry-After past the rate limit, and RateLimit-* headers on every response', async () => {
      await using t = await start()
      const { key } = await createReader(t, { rateLimit: { requests: 3, windowSeconds: 60 } })
      const answers = []
      for (let i = 0; i < 4; i++) answers.push(await getSystemsAs(t, key))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429])
      expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0'])
      for (const answer of answers) {
        expect(answer.headers.get('ratelimit-limit')).toBe('3')
        expect(Number(answer.headers.get('ratelimit-reset'))).toBeGreaterThan(0)
        expect(Number(answer.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60)
      }
      expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(answers[3]!.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Rate limit of 3 requests per 60 s exceeded' })
    })

    it('carries the RateLimit-* headers on the per-procedure endpoint too', async () => {
      await using t = await start()
      const { key } = await createReader(t, { rateLimit: { requests: 5, windowSeconds: 10 } })
      const answer = await t.call('catalog/getSystems', { key, body: {} })
      expect(answer.status).toBe(200)
      expect(answer.headers.get('ratelimit-remaining')).toBe('4')
    })

    it('limits one application without touching another, and none without a rateLimit', async () => {
      await using t = await start()
      const limited = await createReader(t, { rateLimit: { requests: 1, windowSeconds: 60 } })
      const free = await createReader(t)
      await getSystemsAs(t, limited.key)
      expect((await getSystemsAs(t, limited.key)).status).toBe(429)
      for (let i = 0; i < 5; i++) {
        const answer = await getSystemsAs(t, free.key)
        expect(answer.status).toBe(200)
        expect(answer.headers.get('ratelimit-limit')).toBeNull()
      }
    })

    it('refuses bad rate limits and allowlists with 400 and issue paths', async () => {
      await using t = await start()
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ rateLimit: { requests: 10, windowSeconds: 0 } }, 'rateLimit.windowSeconds'],
        [{ rateLimit: { requests: 1_000_001, windowSeconds: 60 } }, 'rateLimit.requests'],
        [{ rateLimit: { requests: '10', windowSeconds: 60 } }, 'rateLimit.requests'],
        [{ allowedIps: ['10.0.0.0/33'] }, 'allowedIps.0'],
        [{ allowedIps: ['203.0.113.0/24', 'not-an-address'] }, 'allowedIps.1'],
        [{ allowedIps: '10.0.0.0/8' }, 'allowedIps'],
        [{ expiresAt: 'tomorrow' }, 'expiresAt'],
      ]
      for (const [fields, path] of cases) {
        const answer = await asAdmin(t, 'createApplication', { name: 'bad', ...fields })
        expect(answer.status, JSON.stringify(fields)).toBe(400)
        expect(answer.body.issues.map((i: { path: string }) => i.path), JSON.stringify(fields)).toContain(path)
      }
    })

    it('answers 403 "Source address not allowed" outside allowedIps, IPv4 and IPv6, and 200 inside', async () => {
      await using t = await start()
      const { key } = await createReader(t, { allowedIps: ['203.0.113.0/24', '2001:db8::/32'] })
      expect((await getSystemsAs(t, key, '203.0.113.77')).status).toBe(200)
      expect((await getSystemsAs(t, key, '2001:db8:1::9')).status).toBe(200)
      for (const outside of ['198.51.100.1', '2001:db9::1']) {
        const refused = await getSystemsAs(t, key, outside)
        expect(refused.status).toBe(403)
        expect(refused.body).toEqual({ code: 'FORBIDDEN', message: 'Source address not allowed' })
      }
    })

    it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
      await using t = await start({})
      const { key } = await createReader(t, { allowedIps: ['203.0.113.0/24'] })
      expect((await getSystemsAs(t, key, '203.0.113.77')).status).toBe(403)
    })

    it('takes the rightmost untrusted hop when the chain passes several trusted proxies', async () => {
      await using t = await start({ CHECKPOST_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' })
      const { key } = await createReader(t, { allowedIps: ['203.0.113.0/24'] })
      expect((await getSystemsAs(t, key, '198.51.100.1, 203.0.113.77, 10.1.2.3')).status).toBe(200)
      expect((await getSystemsAs(t, key, '203.0.113.77, 198.51.100.1, 10.1.2.3')).status).toBe(403)
    })

    it('spends no rate-limit request on a refused address', async () => {
      await using t = await start()
      const { key } = await createReader(t, { allowedIps: ['203.0.113.0/24'], rateLimit: { requests: 1, windowSeconds: 60 } })
      for (let i = 0; i < 3; i++) expect((await getSystemsAs(t, key, '198.51.100.1')).status).toBe(403)
      expect((await getSystemsAs(t, key, '203.0.113.1')).status).toBe(200)
    })

    it('records the last source address beside lastUsedAt, coalesced, written on flush', async () => {
      await using t = await start()
      const { key, id } = await createReader(t)
      await getSystemsAs(t, key, '203.0.113.5')
      await getSystemsAs(t, key, '198.51.100.44')
      await t.host.close()
      const app = (await asAdmin(t, 'getApplications', {})).body.applications.find((a: { id: string }) => a.id === id)
      expect(app.lastUsedIp).toBe('198.51.100.44')
      expect(app.lastUsedAt).toBe(t.clock.now().toISOString())
    })
  })
}
