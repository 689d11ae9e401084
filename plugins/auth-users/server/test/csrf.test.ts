import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, createUsersHost, request, seedUser, signIn } from './users-kit.ts'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`cross-site requests (${engine})`, () => {
    it('refuses a cookie-authenticated call from a foreign Origin with 403 (nothing runs)', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com', ['admin'])
      const cookie = await signIn(t.host, 'ada@example.com')
      const attack = await callWithCookie(t.host, 'auth-users/', {
        cookie,
        origin: 'https://evil.example',
        body: { createUser: { email: 'mallory@example.com', name: 'M', password: 'password123', roleIds: ['admin'] } },
      })
      expect(attack.status).toBe(403)
      const users = await t.call('auth-users/', { key: t.adminKey, body: { getUsers: {} } })
      expect(users.body.getUsers.users.map((u: { email: string }) => u.email)).toEqual(['ada@example.com'])
    })

    it('accepts the same call from its own Origin', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com', ['admin'])
      const cookie = await signIn(t.host, 'ada@example.com')
      const own = await callWithCookie(t.host, 'auth-users/', { cookie, origin: 'http://checkpost.test', body: { getUsers: {} } })
      expect(own.status).toBe(200)
    })

    it('refuses sign-out from a foreign Origin (the session stays)', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      const out = await request(t.host, '/auth/sign-out', { headers: { cookie, origin: 'https://evil.example' }, body: {} })
      expect(out.status).toBe(403)
      expect((await callWithCookie(t.host, 'auth-users/', { cookie, body: { getCurrentUser: {} } })).status).toBe(200)
    })

    it('bearer keys are unaffected by a foreign Origin', async () => {
      await using t = await createUsersHost(engine)
      const response = await t.call('auth-users/', { key: t.adminKey, headers: { origin: 'https://evil.example' }, body: { getUsers: {} } })
      expect(response.status).toBe(200)
    })
  })
}
