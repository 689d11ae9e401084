import { createApplication } from '@checkpost/auth-applications-server'
import { runInTransaction } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '@checkpost/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi, callOk } from './support/host-api.ts'
import { spawnHostProcess, type HostProcess } from './support/host-process.ts'

const READ = 'catalog.catalog.read'
const REDIS_URL = process.env.CHECKPOST_TEST_REDIS_URL
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function getSystems(host: HostProcess, key: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${host.url}/api/catalog/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify({ getSystems: {} }),
  })
  await response.text()
  return response
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`key lifecycle across two host processes on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 60_000 }, () => {
    let testDb: TestDatabase
    let a: HostProcess
    let b: HostProcess
    let adminKey: string
    const children: HostProcess[] = []
    const auth = (host: HostProcess, body: unknown) => callOk(host.url, { key: adminKey, plugin: 'auth-applications', body })

    /** A reader application made through `host` with extra createApplication fields. */
    async function createReader(host: HostProcess, fields: Record<string, unknown> = {}) {
      const { createRole: role } = await auth(host, { createRole: { name: `role-${Math.random()}`, accessRules: [READ] } })
      const { createApplication: app } = await auth(host, { createApplication: { name: `app-${Math.random()}`, ...fields } })
      await auth(host, { setApplicationRoles: { applicationId: app.id, roleIds: [role.id] } })
      return { key: app.secret as string, id: app.id as string }
    }

    beforeAll(async () => {
      testDb = await createTestDatabase(engine)
      const env = { CHECKPOST_DATABASE_URL: testDb.url, ...testDb.env, ...(REDIS_URL ? { CHECKPOST_REDIS_URL: REDIS_URL } : {}) }
      children.push(await spawnHostProcess(env))
      children.push(await spawnHostProcess(env))
      ;[a, b] = children as [HostProcess, HostProcess]
      const admin = await runInTransaction(testDb.database, (db) =>
        createApplication(db, { name: 'admin', roleIds: ['admin'], createdBy: 'test' }, systemClock),
      )
      adminKey = admin.secret
    }, 120_000)

    afterAll(async () => {
      await Promise.all(children.map((child) => child.kill('SIGKILL')))
      await testDb?.dispose()
    })

    it('refuses a key on both processes once the expiry set through A has passed', async () => {
      const { key, id } = await createReader(a)
      expect((await getSystems(b, key)).status).toBe(200)
      const expiresAt = new Date(Date.now() + 1500).toISOString()
      await auth(a, { updateApplication: { applicationId: id, expiresAt } })
      expect((await getSystems(b, key)).headers.get('checkpost-key-expires')).toBe(expiresAt)
      await sleep(Date.parse(expiresAt) - Date.now() + 50)
      for (const host of [a, b]) {
        const response = await getSystems(host, key)
        expect(response.status).toBe(401)
        expect(await callApi(host.url, { key, plugin: 'catalog', body: { getSystems: {} } })).toMatchObject({ body: { message: 'Key expired' } })
      }
    })

    it('keeps an overlapping old secret working on B after a regenerate through A, until revoked through B', async () => {
      const { key: old, id } = await createReader(a)
      expect((await getSystems(b, old)).status).toBe(200)
      const { regenerateApplicationSecret: fresh } = await auth(a, { regenerateApplicationSecret: { applicationId: id, previousSecretValidForSeconds: 3600 } })
      expect((await getSystems(b, old)).status).toBe(200)
      expect((await getSystems(b, fresh.secret)).status).toBe(200)
      await auth(b, { revokePreviousSecret: { applicationId: id } })
      expect((await getSystems(a, old)).status).toBe(401)
      expect((await getSystems(b, old)).status).toBe(401)
      expect((await getSystems(a, fresh.secret)).status).toBe(200)
    })

    it.skipIf(!REDIS_URL)('holds one rate limit across both processes through Redis: 40 calls alternating, limit 20 → 20 succeed', async () => {
      const { key } = await createReader(a, { rateLimit: { requests: 20, windowSeconds: 60 } })
      const statuses: number[] = []
      for (let i = 0; i < 40; i++) statuses.push((await getSystems(i % 2 === 0 ? a : b, key)).status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(20)
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true)
    })

    it('uses the socket address, not a forged X-Forwarded-For, when no proxy is trusted', async () => {
      const { key } = await createReader(a, { allowedIps: ['127.0.0.1/32', '::1/128'] })
      expect((await getSystems(a, key)).status).toBe(200)
      expect((await getSystems(a, key, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200)
      const elsewhere = await createReader(a, { allowedIps: ['203.0.113.0/24'] })
      expect((await getSystems(b, elsewhere.key, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403)
    })
  })
}

describe('a host process whose Redis does not answer', { timeout: 60_000 }, () => {
  it('keeps serving with per-process rate limits and logs the outage once', async () => {
    const testDb = await createTestDatabase('sqlite')
    const host = await spawnHostProcess({ CHECKPOST_DATABASE_URL: testDb.url, CHECKPOST_REDIS_URL: 'redis://127.0.0.1:1' })
    try {
      const admin = await runInTransaction(testDb.database, (db) =>
        createApplication(db, { name: 'admin', roleIds: ['admin'], createdBy: 'test', rateLimit: { requests: 5, windowSeconds: 60 } }, systemClock),
      )
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) statuses.push((await callApi(host.url, { key: admin.secret, plugin: 'catalog', body: { getSystems: {} } })).status)
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
      await sleep(1500) // ioredis keeps retrying meanwhile
      const outages = host.logLines().filter((line) => String(line.message).startsWith('Redis unreachable'))
      expect(outages).toHaveLength(1)
    } finally {
      await host.kill('SIGKILL')
      await testDb.dispose()
    }
  })
})
