import { randomInt, randomUUID } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { createUser } from '@checkpost/auth-users-server'
import { migrateToLatest, runInTransaction } from '@checkpost/db'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '@checkpost/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'
import { spawnHostProcess, type HostProcess } from './support/host-process.ts'

const REDIS_URL = process.env.CHECKPOST_TEST_REDIS_URL
const PASSWORD = 'correct horse battery'
const FAILURES_PER_EMAIL = 4

/** A real HTTP sign-in from a chosen loopback source address. */
function signInFrom(host: HostProcess, localAddress: string, body: unknown): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json' }
    const req = httpRequest(`${host.url}/auth/sign-in/email`, { method: 'POST', localAddress, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined }))
    })
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

/** A loopback address of its own per call: counters in the shared Redis outlive a test run. */
const freshAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`

for (const { engine, skip } of TEST_ENGINES) {
  const why = skip ?? (REDIS_URL ? undefined : 'CHECKPOST_TEST_REDIS_URL is unset')
  describe.skipIf(why)(`sign-in failure limits across two host processes with Redis on ${engine}${why ? ` (skipped: ${why})` : ''}`, { timeout: 120_000 }, () => {
    let testDb: TestDatabase
    let a: HostProcess
    let b: HostProcess

    beforeAll(async () => {
      testDb = await createTestDatabase(engine)
      await migrateToLatest(testDb.database.db, plugins)
      const env = {
        CHECKPOST_DATABASE_URL: testDb.url,
        ...testDb.env,
        CHECKPOST_REDIS_URL: REDIS_URL!,
        CHECKPOST_SIGNIN_FAILURES_PER_EMAIL: String(FAILURES_PER_EMAIL),
        CHECKPOST_SIGNIN_FAILURE_WINDOW_SECONDS: '120',
      }
      ;[a, b] = await Promise.all([spawnHostProcess(env), spawnHostProcess(env)])
    }, 180_000)

    afterAll(async () => {
      await Promise.all([a?.kill(), b?.kill()])
      await testDb?.dispose()
    })

    /** A user with a unique email (Redis counters of earlier runs must not apply). */
    async function seedUser(): Promise<string> {
      const email = `fleet-${randomUUID()}@example.com`
      await runInTransaction(testDb.database, (db) => createUser(db, { email, name: 'Fleet', password: PASSWORD, roleIds: [], at: new Date().toISOString() }))
      return email
    }

    it('answers 429 with Retry-After on both processes once wrong passwords split across them reach the limit', async () => {
      const email = await seedUser()
      const guesser = freshAddress()
      for (let i = 0; i < FAILURES_PER_EMAIL; i++) {
        const host = i % 2 === 0 ? a : b
        expect((await signInFrom(host, guesser, { email, password: `wrong password ${i}` })).status).toBe(401)
      }
      for (const host of [a, b]) {
        const limited = await signInFrom(host, guesser, { email, password: PASSWORD })
        expect(limited.status).toBe(429)
        expect(Number(limited.retryAfter)).toBeGreaterThan(0)
      }
    })

    it('still accepts the right password from another address on either process: the account is never locked', async () => {
      const email = await seedUser()
      const guesser = freshAddress()
      for (let i = 0; i < FAILURES_PER_EMAIL + 2; i++) await signInFrom(i % 2 === 0 ? a : b, guesser, { email, password: 'wrong password' })
      expect((await signInFrom(b, guesser, { email, password: PASSWORD })).status).toBe(429)
      const owner = freshAddress()
      expect((await signInFrom(a, owner, { email, password: PASSWORD })).status).toBe(200)
      expect((await signInFrom(b, owner, { email, password: PASSWORD })).status).toBe(200)
    })
  })
}
