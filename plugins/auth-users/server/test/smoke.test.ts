import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, createUsersHost, request, seedUser, signIn } from './users-kit.ts'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`smoke (${engine})`, () => {
    it('signs in and calls with the cookie', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com', ['admin'])
      const response = await request(t.host, '/auth/sign-in/email', { body: { email: 'Ada@Example.com', password: 'correct horse battery' } })
      console.log(response.status, response.headers.getSetCookie(), await response.text())
      const cookie = await signIn(t.host, 'ada@example.com')
      const me = await callWithCookie(t.host, 'auth-users/', cookie, { body: { getCurrentUser: {} } })
      console.log(JSON.stringify(me.body))
      expect(me.status).toBe(200)
      const session = await request(t.host, '/auth/get-session', { method: 'GET', headers: { cookie } })
      console.log(session.status, await session.text())
    })
  })
}
