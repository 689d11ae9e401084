import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, createUsersHost, request, seedUser, signIn } from './users-kit.ts'

const raw = (t: Awaited<ReturnType<typeof createUsersHost>>, path: string, body: string) =>
  t.host.app.request(`http://checkpost.test/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'checkpost.test', authorization: `Bearer ${t.adminKey}` },
    body,
  })

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`outsider probes that must keep failing (${engine})`, () => {
    it('prototype keys (__proto__, constructor, toString) name no procedure: 404 on both endpoints, never 500', async () => {
      await using t = await createUsersHost(engine)
      for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const batch = await raw(t, 'auth-users/', `{"${name}": {}}`)
        expect(batch.status).toBe(404)
        expect(await batch.json()).toMatchObject({ code: 'NOT_FOUND', procedure: name })
        expect((await raw(t, `auth-users/${name}`, '{}')).status).toBe(404)
      }
    })

    it('a cookie call with Origin: null (sandboxed frame, data: URL) is 403 and changes nothing', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com', ['admin'])
      const cookie = await signIn(t.host, 'ada@example.com')
      const attack = await callWithCookie(t.host, 'auth-users/', { cookie, origin: 'null', body: { createUser: { email: 'm@example.com', name: 'M', password: 'password123' } } })
      expect(attack.status).toBe(403)
      expect((await t.call('auth-users/', { key: t.adminKey, body: { getUsers: {} } })).body.getUsers.users).toHaveLength(1)
    })

    it('a user key relabelled as an application key (cku_ -> ck_) is 401', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com', ['admin'])
      const cookie = await signIn(t.host, 'ada@example.com')
      const key: string = (await callWithCookie(t.host, 'auth-users/', { cookie, body: { createUserApiKey: { name: 'ci' } } })).body.createUserApiKey.secret
      const relabelled = await t.call('auth-users/', { key: key.replace(/^cku_/, 'ck_'), body: { getUsers: {} } })
      expect(relabelled.status).toBe(401)
      const padded = await t.call('auth-users/', { key: `${key}x`, body: { getUsers: {} } })
      expect(padded.status).toBe(401)
    })

    it('sign-in with a pre-set session cookie (fixation) issues a different token', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const planted = await signIn(t.host, 'ada@example.com')
      const response = await request(t.host, '/auth/sign-in/email', { body: { email: 'ada@example.com', password: 'correct horse battery' }, headers: { cookie: planted } })
      const issued = response.headers.getSetCookie().find((c) => c.startsWith('checkpost.session_token='))!.split(';')[0]
      expect(issued).not.toBe(planted)
    })
  })
}
