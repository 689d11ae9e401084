import { createApplication } from '@checkpost/auth-applications-server'
import { createUser } from '@checkpost/auth-users-server'
import { migrateToLatest, runInTransaction } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '@checkpost/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'
import { spawnHostProcess, type HostProcess } from './support/host-process.ts'

const PASSWORD = 'correct horse battery'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`users across two host processes on one ${engine} database`, { timeout: 60_000 }, () => {
    let testDb: TestDatabase
    let a: HostProcess
    let b: HostProcess
    let adminKey: string
    let counter = 0

    beforeAll(async () => {
      testDb = await createTestDatabase(engine)
      await migrateToLatest(testDb.database.db, plugins)
      const env = { CHECKPOST_DATABASE_URL: testDb.url, ...testDb.env }
      ;[a, b] = await Promise.all([spawnHostProcess(env), spawnHostProcess(env)])
      const admin = await runInTransaction(testDb.database, (db) =>
        createApplication(db, { name: 'admin', roleIds: ['admin'], createdBy: 'test' }, systemClock),
      )
      adminKey = admin.secret
    }, 120_000)

    afterAll(async () => {
      await Promise.all([a?.kill(), b?.kill()])
      await testDb?.dispose()
    })

    /** A fresh user signed in through A: its id, session cookie and an API key. */
    async function signedInUser() {
      const email = `user${++counter}@example.com`
      const id = await runInTransaction(testDb.database, (db) =>
        createUser(db, { email, name: 'User', password: PASSWORD, roleIds: [], at: new Date().toISOString() }),
      )
      const signIn = await fetch(`${a.url}/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      })
      expect(signIn.status).toBe(200)
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!
      const created = await call(a, { createUserApiKey: { name: 'k' } }, { cookie })
      return { id, cookie, key: created.body.createUserApiKey.secret as string }
    }

    async function call(host: HostProcess, body: unknown, credential: { cookie?: string; key?: string }) {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (credential.cookie) headers.cookie = credential.cookie
      if (credential.key) headers.authorization = `Bearer ${credential.key}`
      const response = await fetch(`${host.url}/api/auth-users/`, { method: 'POST', headers, body: JSON.stringify(body) })
      return { status: response.status, body: (await response.json()) as any }
    }

    const me = { getCurrentUser: {} }

    it('a session made on A works on B, and signing out on A ends it on B at the next request', async () => {
      const { cookie } = await signedInUser()
      expect((await call(b, me, { cookie })).status).toBe(200)
      const out = await fetch(`${a.url}/auth/sign-out`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })
      expect(out.status).toBe(200)
      expect((await call(b, me, { cookie })).status).toBe(401)
    })

    it("disabling a user on A refuses its session and its key on B at the next request", async () => {
      const { id, cookie, key } = await signedInUser()
      expect((await call(b, me, { cookie })).status).toBe(200)
      expect((await call(b, me, { key })).status).toBe(200)
      expect((await call(a, { updateUser: { userId: id, disabled: true } }, { key: adminKey })).status).toBe(200)
      expect((await call(b, me, { cookie })).status).toBe(401)
      expect((await call(b, me, { key })).status).toBe(401)
    })

    it('deleting a user on A refuses its session and its key on B at the next request', async () => {
      const { id, cookie, key } = await signedInUser()
      expect((await call(b, me, { key })).status).toBe(200)
      expect((await call(a, { deleteUser: { userId: id } }, { key: adminKey })).status).toBe(200)
      expect((await call(b, me, { cookie })).status).toBe(401)
      expect((await call(b, me, { key })).status).toBe(401)
    })
  })
}
