import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { createUsersHost, PASSWORD, seedUser } from './users-kit.ts'

const MANAGER_RULES = ['auth-users.users.read', 'auth-users.users.manage']

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`users escalation (${engine})`, () => {
    it('a user manager cannot create a user holding the admin role', async () => {
      await using t = await createUsersHost(engine)
      const { key } = await t.createKey(MANAGER_RULES)
      const attack = await t.call('auth-users/', {
        key,
        body: { createUser: { email: 'mallory@example.com', name: 'M', password: PASSWORD, roleIds: ['admin'] } },
      })
      expect(attack.status).toBe(403)
      expect(attack.body.message).toBe('Cannot grant access you do not hold: *')
      const users = await t.call('auth-users/', { key: t.adminKey, body: { getUsers: {} } })
      expect(users.body.getUsers.users).toEqual([])
    })

    it('a user manager cannot give an existing user the admin role', async () => {
      await using t = await createUsersHost(engine)
      const { key } = await t.createKey(MANAGER_RULES)
      const userId = await seedUser(t, 'weak@example.com')
      const attack = await t.call('auth-users/', { key, body: { setUserRoles: { userId, roleIds: ['admin'] } } })
      expect(attack.status).toBe(403)
      const user = await t.call('auth-users/', { key: t.adminKey, body: { getUser: { userId } } })
      expect(user.body.getUser.roles).toEqual([])
    })

    it('a user manager cannot disable, delete or strip an admin user', async () => {
      await using t = await createUsersHost(engine)
      const { key } = await t.createKey(MANAGER_RULES)
      const userId = await seedUser(t, 'root@example.com', ['admin'])
      const calls = [{ updateUser: { userId, disabled: true } }, { deleteUser: { userId } }, { setUserRoles: { userId, roleIds: [] } }]
      for (const body of calls) {
        const attack = await t.call('auth-users/', { key, body })
        expect(attack.status).toBe(403)
      }
      const user = await t.call('auth-users/', { key: t.adminKey, body: { getUser: { userId } } })
      expect(user.body.getUser).toMatchObject({ roles: ['admin'], disabled: false })
    })

    it('a team manager cannot put an admin user in its team (acting on a stronger identity)', async () => {
      await using t = await createUsersHost(engine)
      const { key } = await t.createKey(['auth-applications.teams.manage'])
      const userId = await seedUser(t, 'root@example.com', ['admin'])
      const team = await t.call('auth-applications/', { key: t.adminKey, body: { createTeam: { name: 'ops' } } })
      const attack = await t.call('auth-applications/', { key, body: { addTeamMember: { teamId: team.body.createTeam.id, userId } } })
      expect(attack.status).toBe(403)
    })
  })
}
