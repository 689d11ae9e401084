import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, createUsersHost, PASSWORD, seedUser, signIn } from './users-kit.ts'

const NEW_USER = { email: 'bob@example.com', name: 'Bob', password: PASSWORD }

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`managing users (${engine})`, () => {
    it('createUser returns the user without its password; getUsers lists it', async () => {
      await using t = await createUsersHost(engine)
      const created = await t.call('auth-users/', { key: t.adminKey, body: { createUser: { ...NEW_USER, roleIds: ['applications'] } } })
      expect(created.status).toBe(200)
      expect(created.body.createUser).toMatchObject({ email: 'bob@example.com', name: 'Bob', roles: ['applications'], teams: [], disabled: false, lastSignInAt: null })
      expect(JSON.stringify(created.body)).not.toContain(PASSWORD)
      const stored = await t.db.database.db.selectFrom('auth_users_accounts').select('password').executeTakeFirstOrThrow()
      expect(stored.password).toMatch(/^\$argon2id\$/)
      const list = await t.call('auth-users/', { key: t.adminKey, body: { getUsers: {} } })
      expect(list.body.getUsers.users).toHaveLength(1)
    })

    it('refuses an email already taken in another case with 409', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'bob@example.com')
      const again = await t.call('auth-users/', { key: t.adminKey, body: { createUser: { ...NEW_USER, email: 'BOB@Example.COM' } } })
      expect(again.status).toBe(409)
    })

    it.each([
      ['a malformed email', { ...NEW_USER, email: 'bob' }, 'email'],
      ['a short password', { ...NEW_USER, password: 'short' }, 'password'],
      ['a password over 128 characters', { ...NEW_USER, password: 'x'.repeat(129) }, 'password'],
    ])('answers %s with 400 naming the field', async (_, input, field) => {
      await using t = await createUsersHost(engine)
      const response = await t.call('auth-users/', { key: t.adminKey, body: { createUser: input } })
      expect(response.status).toBe(400)
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toContain(field)
      expect(JSON.stringify(response.body)).not.toContain('x'.repeat(129))
    })

    it('answers an unknown role with 400', async () => {
      await using t = await createUsersHost(engine)
      const response = await t.call('auth-users/', { key: t.adminKey, body: { createUser: { ...NEW_USER, roleIds: ['no-such-role'] } } })
      expect(response.status).toBe(400)
      expect(response.body.message).toBe('Unknown role: no-such-role')
    })

    it('getUsers needs auth-users.users.read', async () => {
      await using t = await createUsersHost(engine)
      const { key } = await t.createKey([])
      const response = await t.call('auth-users/', { key, body: { getUsers: {} } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Missing access: auth-users.users.read')
    })

    it('changePassword needs the current password, then only the new one signs in', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      const wrong = await callWithCookie(t.host, 'auth-users/', { cookie, body: { changePassword: { currentPassword: 'nope nope', newPassword: 'new password 1' } } })
      expect(wrong.status).toBe(403)
      const ok = await callWithCookie(t.host, 'auth-users/', { cookie, body: { changePassword: { currentPassword: PASSWORD, newPassword: 'new password 1' } } })
      expect(ok.status).toBe(200)
      await expect(signIn(t.host, 'ada@example.com')).rejects.toThrow(/401/)
      await expect(signIn(t.host, 'ada@example.com', 'new password 1')).resolves.toMatch(/^checkpost\.session_token=/)
    })

    it('deleteUser removes the user, its sessions and its keys', async () => {
      await using t = await createUsersHost(engine)
      const id = await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      const deleted = await t.call('auth-users/', { key: t.adminKey, body: { deleteUser: { userId: id } } })
      expect(deleted.status).toBe(200)
      expect((await callWithCookie(t.host, 'auth-users/', { cookie, body: { getCurrentUser: {} } })).status).toBe(401)
      expect((await t.call('auth-users/', { key: t.adminKey, body: { getUser: { userId: id } } })).status).toBe(404)
    })

    it('a user added to a team gets its team ids', async () => {
      await using t = await createUsersHost(engine)
      const id = await seedUser(t, 'ada@example.com')
      const team = await t.call('auth-applications/', { key: t.adminKey, body: { createTeam: { name: 'ops' } } })
      const teamId = team.body.createTeam.id
      const added = await t.call('auth-applications/', { key: t.adminKey, body: { addTeamMember: { teamId, userId: id } } })
      expect(added.status).toBe(200)
      expect(added.body.addTeamMember.members).toEqual([{ kind: 'user', id }])
      const cookie = await signIn(t.host, 'ada@example.com')
      const me = await callWithCookie(t.host, 'auth-users/', { cookie, body: { getCurrentUser: {} } })
      expect(me.body.getCurrentUser.teams).toEqual([teamId])
    })

    it('addTeamMember with an unknown userId is 404', async () => {
      await using t = await createUsersHost(engine)
      const team = await t.call('auth-applications/', { key: t.adminKey, body: { createTeam: { name: 'ops' } } })
      const response = await t.call('auth-applications/', {
        key: t.adminKey,
        body: { addTeamMember: { teamId: team.body.createTeam.id, userId: '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10' } },
      })
      expect(response.status).toBe(404)
      expect(response.body.message).toBe('User not found')
    })
  })
}
