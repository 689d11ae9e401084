import { catalogPlugin } from '@checkpost/catalog-server'
import { LOCKED_OUT_REFUSAL_DELAY_MS } from '@checkpost/server'
import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'

const READ = 'catalog.catalog.read'
const WRONG = 'f8k2mN9xZpW3qR7vL5tYf8k2mN9xZpW3qR7vL5tYabc'
/** Wrong keys one source may send per window (FAILURES_PER_ADDRESS). */
const LIMIT = 20
/** The in-process host sees 127.0.0.1 as its socket peer; trusting it makes X-Forwarded-For name the client. */
const settings = { CHECKPOST_TRUSTED_PROXIES: '127.0.0.1' }

function getSystems(t: TestHost, key: string, from: string) {
  return t.call('catalog/', { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': from }, body: { getSystems: {} } })
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`failed key attempts on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: [catalogPlugin], engine, settings })

    it("never refuses a valid key because someone else sent wrong secrets for its application", async () => {
      await using t = await start()
      const { key, id } = await t.createKey([READ])
      for (let i = 0; i < 22; i++) await getSystems(t, `ck_${id}_${WRONG}`, '198.51.100.7')
      const response = await getSystems(t, key, '203.0.113.9')
      expect(response.status).toBe(200)
    })

    it('serves a valid key from an address that is over its failure limit (a shared NAT with the guesser)', async () => {
      await using t = await start()
      const { key, id } = await t.createKey([READ])
      for (let i = 0; i < LIMIT; i++) await getSystems(t, `ck_${id}_${WRONG}`, '198.51.100.7')
      expect((await getSystems(t, `ck_${id}_${WRONG}`, '198.51.100.7')).status).toBe(429)
      expect((await getSystems(t, key, '198.51.100.7')).status).toBe(200)
    })

    it("keeps other applications' first requests working while one id is flooded with 300 concurrent wrong secrets", async () => {
      await using t = await start()
      const victim = await t.createKey([READ])
      const others = await Promise.all([1, 2, 3, 4, 5].map(() => t.createKey([READ])))
      const flood = Array.from({ length: 300 }, (_, i) => getSystems(t, `ck_${victim.id}_${WRONG.slice(0, -3)}${String(i).padStart(3, '0')}`, `198.51.100.${i % 250}`))
      const firsts = others.map((other, i) => getSystems(t, other.key, `203.0.113.${i + 1}`))
      const answers = await Promise.all(firsts)
      await Promise.all(flood)
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
    })

    it('answers 429 with Retry-After to an address that keeps sending wrong secrets', async () => {
      await using t = await start()
      const { id } = await t.createKey([READ])
      const statuses: number[] = []
      let retryAfter: string | null = null
      for (let i = 0; i < LIMIT + 2; i++) {
        const response = await getSystems(t, `ck_${id}_${WRONG}`, '198.51.100.7')
        statuses.push(response.status)
        if (response.status === 429) retryAfter = response.headers.get('retry-after')
      }
      expect(statuses.slice(0, LIMIT).every((s) => s === 401)).toBe(true)
      expect(statuses.at(-1)).toBe(429)
      expect(Number(retryAfter)).toBeGreaterThan(0)
    })

    it('holds back each refusal to a source over its limit, while a valid key from that source is still served', async () => {
      await using t = await start()
      const { key, id } = await t.createKey([READ])
      for (let i = 0; i < LIMIT; i++) await getSystems(t, `ck_${id}_${WRONG}`, '198.51.100.7')
      const refusedAt = performance.now()
      const [refused, valid] = await Promise.all([getSystems(t, `ck_${id}_${WRONG}`, '198.51.100.7'), getSystems(t, key, '198.51.100.7')])
      const refusedAfterMs = performance.now() - refusedAt
      expect(refused.status).toBe(429)
      expect(valid.status).toBe(200)
      // A floor, not a speed target: the tarpit cannot answer before its timer fires.
      expect(refusedAfterMs).toBeGreaterThanOrEqual(LOCKED_OUT_REFUSAL_DELAY_MS - 20)
    })

    it('counts wrong secrets from one IPv6 /64 together: rotating addresses inside it does not escape the limit', async () => {
      await using t = await start()
      const { id } = await t.createKey([READ])
      const statuses: number[] = []
      for (let i = 1; i <= LIMIT + 2; i++) {
        const response = await getSystems(t, `ck_${id}_${WRONG}`, `2001:db8:1:2::${i.toString(16)}`)
        statuses.push(response.status)
      }
      expect(statuses.at(-1)).toBe(429)
      const elsewhere = await getSystems(t, `ck_${id}_${WRONG}`, '2001:db8:1:3::1')
      expect(elsewhere.status).toBe(401)
    })
  })
}
