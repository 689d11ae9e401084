import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, createUsersHost, PASSWORD, seedUser, signIn } from './users-kit.ts'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`audit of user changes (${engine})`, () => {
    it('createUser, updateUser, setUserRoles and deleteUser each leave one audit entry naming the user, never the password', async () => {
      await using t = await createUsersHost(engine)
      const created = await t.call('auth-users/', {
        key: t.adminKey,
        body: { createUser: { email: 'mallory@example.com', name: 'Mallory', password: PASSWORD } },
      })
      const userId = created.body.createUser.id as string
      await t.call('auth-users/', { key: t.adminKey, body: { updateUser: { userId, disabled: true } } })
      await t.call('auth-users/', { key: t.adminKey, body: { setUserRoles: { userId, roleIds: ['applications'] } } })
      await t.call('auth-users/', { key: t.adminKey, body: { deleteUser: { userId } } })
      const log = await t.call('auth-applications/', { key: t.adminKey, body: { getAuditLog: { targetId: userId } } })
      const entries = log.body.getAuditLog.entries as { action: string; target: { type: string; id: string } }[]
      expect(entries.map((e) => e.action).sort()).toEqual(['user.created', 'user.deleted', 'user.roles_set', 'user.updated'])
      expect(entries.every((e) => e.target.type === 'user' && e.target.id === userId)).toBe(true)
      expect(JSON.stringify(log.body)).not.toContain(PASSWORD)
    })

    it("a user's own password change and key creation and deletion are audited, never with the secret or a hash", async () => {
      await using t = await createUsersHost(engine)
      const userId = await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      const key = await callWithCookie(t.host, 'auth-users/', { cookie, body: { createUserApiKey: { name: 'ci' } } })
      const keyId = key.body.createUserApiKey.id as string
      await callWithCookie(t.host, 'auth-users/', { cookie, body: { deleteUserApiKey: { keyId } } })
      await callWithCookie(t.host, 'auth-users/', { cookie, body: { changePassword: { currentPassword: PASSWORD, newPassword: 'a new long password' } } })
      const log = await t.call('auth-applications/', { key: t.adminKey, body: { getAuditLog: { actorId: userId } } })
      const entries = log.body.getAuditLog.entries as { action: string; actor: { kind: string } }[]
      expect(entries.map((e) => e.action).sort()).toEqual(['user.key_created', 'user.key_deleted', 'user.password_changed'])
      expect(entries.every((e) => e.actor.kind === 'user')).toBe(true)
      const text = JSON.stringify(log.body)
      expect(text).not.toContain(key.body.createUserApiKey.secret.slice(-43))
      expect(text).not.toContain('a new long password')
      expect(text).not.toMatch(/\$argon2|secret_?hash|passwordHash/i)
    })
  })
}
