import { request as httpRequest } from 'node:http'
import { LOCKED_OUT_REFUSAL_DELAY_MS, serveHost } from '@checkpost/server'
import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { createUsersHost, PASSWORD, request, seedUser } from './users-kit.ts'

/** A real HTTP sign-in from a chosen loopback source address. */
function signInFrom(url: string, localAddress: string, body: unknown): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/auth/sign-in/email`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined }))
    })
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

const LIMITS = { CHECKPOST_SIGNIN_FAILURES_PER_EMAIL: '3', CHECKPOST_SIGNIN_FAILURES_PER_ADDRESS: '5' }

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`sign-in failure limits over real HTTP (${engine})`, () => {
    it('after 3 wrong passwords for one email from one address the next try is 429 with Retry-After, held for the lock-out delay', async () => {
      await using t = await createUsersHost(engine, LIMITS)
      await seedUser(t, 'ada@example.com')
      const server = await serveHost(t.host, { hostname: '127.0.0.1', port: 0 })
      try {
        for (let i = 0; i < 3; i++) {
          expect((await signInFrom(server.url, '127.0.0.2', { email: 'ada@example.com', password: 'wrong password' })).status).toBe(401)
        }
        const started = performance.now()
        const limited = await signInFrom(server.url, '127.0.0.2', { email: 'ada@example.com', password: PASSWORD })
        expect(limited.status).toBe(429)
        expect(Number(limited.retryAfter)).toBeGreaterThan(0)
        // A tarpit, as for wrong keys: a locked-out flood gets one answer per connection per delay.
        expect(performance.now() - started).toBeGreaterThanOrEqual(LOCKED_OUT_REFUSAL_DELAY_MS - 20)
      } finally {
        await server.close()
      }
    })

    it('never locks the owner signing in from another address', async () => {
      await using t = await createUsersHost(engine, LIMITS)
      await seedUser(t, 'ada@example.com')
      const server = await serveHost(t.host, { hostname: '127.0.0.1', port: 0 })
      try {
        for (let i = 0; i < 6; i++) await signInFrom(server.url, '127.0.0.2', { email: 'ada@example.com', password: 'wrong password' })
        expect((await signInFrom(server.url, '127.0.0.2', { email: 'ada@example.com', password: PASSWORD })).status).toBe(429)
        expect((await signInFrom(server.url, '127.0.0.3', { email: 'ada@example.com', password: PASSWORD })).status).toBe(200)
      } finally {
        await server.close()
      }
    })

    it('limits one address guessing many emails', async () => {
      await using t = await createUsersHost(engine, LIMITS)
      const server = await serveHost(t.host, { hostname: '127.0.0.1', port: 0 })
      try {
        for (let i = 0; i < 5; i++) await signInFrom(server.url, '127.0.0.4', { email: `user${i}@example.com`, password: 'wrong password' })
        expect((await signInFrom(server.url, '127.0.0.4', { email: 'other@example.com', password: 'wrong password' })).status).toBe(429)
      } finally {
        await server.close()
      }
    })
  })
}

describe('sign-in limits across an IPv6 /64', () => {
  it('counts wrong passwords from addresses of one /64 together (rotating inside it does not escape the limit)', async () => {
    await using t = await createUsersHost('sqlite', { ...LIMITS, CHECKPOST_TRUSTED_PROXIES: '127.0.0.1/32' })
    await seedUser(t, 'ada@example.com')
    const from = (address: string, password: string) =>
      request(t.host, '/auth/sign-in/email', { body: { email: 'ada@example.com', password }, headers: { 'x-forwarded-for': address } })
    for (let i = 1; i <= 3; i++) expect((await from(`2001:db8:5:6::${i}`, 'wrong password')).status).toBe(401)
    expect((await from('2001:db8:5:6::99', PASSWORD)).status).toBe(429)
    expect((await from('2001:db8:5:7::1', PASSWORD)).status).toBe(200)
  })
})
