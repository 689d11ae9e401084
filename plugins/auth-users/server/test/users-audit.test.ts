import { createHash } from 'node:crypto'
import { TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, createUsersHost, PASSWORD, seedUser, signIn } from './users-kit.ts'

interface Entry {
  action: string
  actor: { kind: string; id: string; name: string }
  target: { type: string; id: string; name?: string }
  changes?: Record<string, unknown>
  requestId: string | null
}

const NEW_PASSWORD = 'a brand new password'

async function users(t: TestHost, body: Record<string, unknown>, key = t.adminKey) {
  const response = await t.call('auth-users/', { key, body })
  if (response.status !== 200) throw new Error(`${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`)
  return response.body[Object.keys(body)[0]!]
}

/** Entries through getAuditLog (real HTTP on the host), oldest first. */
async function auditLog(t: TestHost, filter: Record<string, unknown> = {}): Promise<Entry[]> {
  const response = await t.call('auth-applications/', { key: t.adminKey, body: { getAuditLog: { limit: 500, ...filter } } })
  expect(response.status).toBe(200)
  return (response.body.getAuditLog.entries as Entry[]).reverse()
}

/** The admin key's application id, as its entries name it. */
async function adminId(t: TestHost): Promise<string> {
  const apps = await t.call('auth-applications/', { key: t.adminKey, body: { getApplications: {} } })
  return apps.body.getApplications.applications.find((a: { name: string }) => a.name === 'test-admin').id
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`audit entries for user changes (${engine})`, () => {
    it('createUser, updateUser, setUserRoles and deleteUser each write one entry naming the admin key and the user', async () => {
      await using t = await createUsersHost(engine)
      const user = await users(t, { createUser: { email: 'bob@example.com', name: 'Bob', password: PASSWORD, roleIds: ['applications'] } })
      await users(t, { updateUser: { userId: user.id, name: 'Robert', disabled: true } })
      await users(t, { setUserRoles: { userId: user.id, roleIds: ['admin'] } })
      await users(t, { deleteUser: { userId: user.id } })
      const entries = await auditLog(t, { targetId: user.id })
      expect(entries.map((e) => e.action)).toEqual(['user.created', 'user.updated', 'user.roles_set', 'user.deleted'])
      const admin = await adminId(t)
      for (const entry of entries) {
        expect(entry.actor).toMatchObject({ kind: 'application', id: admin, name: 'test-admin' })
        expect(entry.target).toMatchObject({ type: 'user', id: user.id })
        expect(typeof entry.requestId).toBe('string')
      }
      expect(entries[0]!.changes).toEqual({ email: 'bob@example.com', name: 'Bob', roleIds: ['applications'] })
      expect(entries[1]!.changes).toEqual({ name: 'Robert', disabled: true })
      expect(entries[2]!.changes).toEqual({ roleIds: ['admin'] })
      expect(entries[3]!.target.name).toBe('Robert')
    })

    it('changePassword, createUserApiKey and deleteUserApiKey write entries with the signed-in user as actor and target', async () => {
      await using t = await createUsersHost(engine)
      const userId = await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      const created = await callWithCookie(t.host, 'auth-users/', { cookie, body: { createUserApiKey: { name: 'laptop' } } })
      const keyId = created.body.createUserApiKey.id
      expect((await callWithCookie(t.host, 'auth-users/', { cookie, body: { deleteUserApiKey: { keyId } } })).status).toBe(200)
      const changed = await callWithCookie(t.host, 'auth-users/', { cookie, body: { changePassword: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } } })
      expect(changed.status).toBe(200)
      const entries = await auditLog(t, { actorId: userId })
      expect(entries.map((e) => e.action)).toEqual(['user.api_key_created', 'user.api_key_deleted', 'user.password_changed'])
      for (const entry of entries) {
        expect(entry.actor).toEqual({ kind: 'user', id: userId, name: 'ada' })
        expect(entry.target).toEqual({ type: 'user', id: userId, name: 'ada' })
      }
      expect(entries[0]!.changes).toEqual({ keyId, name: 'laptop', expiresAt: null })
      expect(entries[1]!.changes).toEqual({ keyId, name: 'laptop' })
      expect(entries[2]!.changes).toBeUndefined()
    })

    it('addTeamMember and removeTeamMember with a userId write entries naming the user as member', async () => {
      await using t = await createUsersHost(engine)
      const userId = await seedUser(t, 'ada@example.com')
      const team = (await t.call('auth-applications/', { key: t.adminKey, body: { createTeam: { name: 'ops' } } })).body.createTeam
      for (const procedure of ['addTeamMember', 'removeTeamMember']) {
        const response = await t.call('auth-applications/', { key: t.adminKey, body: { [procedure]: { teamId: team.id, userId } } })
        expect(response.status).toBe(200)
      }
      const entries = await auditLog(t, { targetId: team.id })
      expect(entries.map((e) => [e.action, e.changes])).toEqual([
        ['team.created', expect.anything()],
        ['team.member_added', { member: { kind: 'user', id: userId } }],
        ['team.member_removed', { member: { kind: 'user', id: userId } }],
      ])
    })

    it('writes no entry for a refused change: a taken email, an escalation, a wrong current password, a key made with a key', async () => {
      await using t = await createUsersHost(engine)
      const userId = await seedUser(t, 'ada@example.com')
      const before = await auditLog(t)
      const taken = await t.call('auth-users/', { key: t.adminKey, body: { createUser: { email: 'ADA@example.com', name: 'Ada', password: PASSWORD } } })
      expect(taken.status).toBe(409)
      const { key: manager } = await t.createKey(['auth-users.users.read', 'auth-users.users.manage'])
      expect((await t.call('auth-users/', { key: manager, body: { setUserRoles: { userId, roleIds: ['admin'] } } })).status).toBe(403)
      const cookie = await signIn(t.host, 'ada@example.com')
      const wrong = await callWithCookie(t.host, 'auth-users/', { cookie, body: { changePassword: { currentPassword: 'not my password', newPassword: NEW_PASSWORD } } })
      expect(wrong.status).toBe(403)
      const userKey = (await callWithCookie(t.host, 'auth-users/', { cookie, body: { createUserApiKey: { name: 'k' } } })).body.createUserApiKey.secret
      expect((await t.call('auth-users/', { key: userKey, body: { createUserApiKey: { name: 'minted by a key' } } })).status).toBe(403)
      const after = await auditLog(t)
      expect(after.slice(before.length).map((e) => e.action)).toEqual(['user.api_key_created'])
    })

    it('never stores a password, a key secret or a hash of either in any entry', async () => {
      await using t = await createUsersHost(engine)
      const user = await users(t, { createUser: { email: 'ada@example.com', name: 'Ada', password: PASSWORD } })
      const cookie = await signIn(t.host, 'ada@example.com')
      const key = (await callWithCookie(t.host, 'auth-users/', { cookie, body: { createUserApiKey: { name: 'k' } } })).body.createUserApiKey
      await callWithCookie(t.host, 'auth-users/', { cookie, body: { changePassword: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } } })
      await callWithCookie(t.host, 'auth-users/', { cookie: await signIn(t.host, 'ada@example.com', NEW_PASSWORD), body: { deleteUserApiKey: { keyId: key.id } } })
      await users(t, { deleteUser: { userId: user.id } })
      const rows = await t.db.database.db.selectFrom('auth_applications_audit_log').selectAll().execute()
      expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['user.created', 'user.password_changed', 'user.api_key_created', 'user.api_key_deleted', 'user.deleted']))
      const stored = JSON.stringify(rows)
      const secret = (key.secret as string).split('_').at(-1)!
      const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
      for (const forbidden of [PASSWORD, NEW_PASSWORD, secret, sha256(secret), '$argon2']) expect(stored).not.toContain(forbidden)
    })
  })
}
