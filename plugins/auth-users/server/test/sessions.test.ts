import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, cookieOf, createUsersHost, PASSWORD, request, seedUser, signIn } from './users-kit.ts'

const ME = { body: { getCurrentUser: {} } }

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`sessions (${engine})`, () => {
    it('sign-in sets an HttpOnly SameSite=Lax session cookie and never returns the token in the body', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const response = await request(t.host, '/auth/sign-in/email', { body: { email: 'ADA@example.com ', password: PASSWORD } })
      expect(response.status).toBe(200)
      const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('checkpost.session_token='))!
      expect(setCookie).toMatch(/HttpOnly/)
      expect(setCookie).toMatch(/SameSite=Lax/i)
      const body = (await response.json()) as { user: { email: string } }
      expect(body.user.email).toBe('ada@example.com')
      expect(JSON.stringify(body)).not.toContain(cookieOf(response).split('=')[1]!.split('.')[0]!)
    })

    it('sign-in over https marks the cookie Secure', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const response = await t.host.app.request('https://checkpost.test/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: 'checkpost.test' },
        body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
      })
      expect(response.headers.getSetCookie().join('\n')).toMatch(/checkpost\.session_token=[^\n]*; Secure/)
    })

    it('answers a wrong password and an unknown email alike: 401 Invalid email or password', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const wrong = await request(t.host, '/auth/sign-in/email', { body: { email: 'ada@example.com', password: 'not the password' } })
      const unknown = await request(t.host, '/auth/sign-in/email', { body: { email: 'bob@example.com', password: 'not the password' } })
      expect(wrong.status).toBe(401)
      expect(unknown.status).toBe(401)
      expect(await wrong.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid email or password' })
      expect(await unknown.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid email or password' })
    })

    it('takes about as long for an unknown email as for a wrong password (a dummy hash runs)', async () => {
      await using t = await createUsersHost(engine, { CHECKPOST_SIGNIN_FAILURES_PER_EMAIL: '1000', CHECKPOST_SIGNIN_FAILURES_PER_ADDRESS: '1000' })
      await seedUser(t, 'ada@example.com')
      const time = async (email: string) => {
        const started = performance.now()
        await request(t.host, '/auth/sign-in/email', { body: { email, password: 'not the password' } })
        return performance.now() - started
      }
      const wrong: number[] = []
      const unknown: number[] = []
      for (let i = 0; i < 6; i++) {
        wrong.push(await time('ada@example.com'))
        unknown.push(await time(`nobody${i}@example.com`))
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!
      // Without the dummy hash an unknown email answers in ~1 ms against ~30+ ms of argon2.
      expect(median(unknown) / median(wrong)).toBeGreaterThan(0.5)
      expect(median(unknown) / median(wrong)).toBeLessThan(2)
    })

    it('refuses a disabled user with the same 401 as a wrong password', async () => {
      await using t = await createUsersHost(engine)
      const id = await seedUser(t, 'ada@example.com')
      await t.call('auth-users/', { key: t.adminKey, body: { updateUser: { userId: id, disabled: true } } })
      const response = await request(t.host, '/auth/sign-in/email', { body: { email: 'ada@example.com', password: PASSWORD } })
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid email or password' })
    })

    it('answers a malformed email with 400 and its issue', async () => {
      await using t = await createUsersHost(engine)
      const response = await request(t.host, '/auth/sign-in/email', { body: { email: 'not-an-email', password: PASSWORD } })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: 'email' }] })
    })

    it('get-session answers the user and session with a cookie, and null without one', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      const withCookie = await request(t.host, '/auth/get-session', { method: 'GET', headers: { cookie } })
      const body = (await withCookie.json()) as { user: { id: string; email: string }; session: { token?: string } }
      expect(body.user.email).toBe('ada@example.com')
      expect(body.session).toMatchObject({ userId: body.user.id })
      expect(body.session.token).toBeUndefined()
      const without = await request(t.host, '/auth/get-session', { method: 'GET' })
      expect(without.status).toBe(200)
      expect(await without.json()).toBeNull()
    })

    it('a session cookie works on the JSON endpoint and the per-procedure endpoint', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      expect((await callWithCookie(t.host, 'auth-users/', { cookie, ...ME })).status).toBe(200)
      const single = await callWithCookie(t.host, 'auth-users/getCurrentUser', { cookie, body: {} })
      expect(single.status).toBe(200)
      expect(single.body.json?.email ?? single.body.email).toBe('ada@example.com')
    })

    it('sign-out ends the session: the same cookie is 401 on the next request', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      const out = await request(t.host, '/auth/sign-out', { headers: { cookie }, body: {} })
      expect(out.status).toBe(200)
      expect((await callWithCookie(t.host, 'auth-users/', { cookie, ...ME })).status).toBe(401)
    })

    it('a cookie of garbage is 401', async () => {
      await using t = await createUsersHost(engine)
      const response = await callWithCookie(t.host, 'auth-users/', { cookie: 'checkpost.session_token=garbage.garbage', ...ME })
      expect(response.status).toBe(401)
      expect(response.body).toMatchObject({ code: 'UNAUTHORIZED', message: 'Invalid or expired session' })
    })

    it('an expired session is 401', async () => {
      await using t = await createUsersHost(engine, { CHECKPOST_SESSION_TTL_SECONDS: '1', CHECKPOST_SESSION_REFRESH_SECONDS: '0' })
      await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect((await callWithCookie(t.host, 'auth-users/', { cookie, ...ME })).status).toBe(401)
    })
  })
}
