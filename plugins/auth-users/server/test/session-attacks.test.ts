import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, createUsersHost, PASSWORD, seedUser, signIn } from './users-kit.ts'

const ME = { body: { getCurrentUser: {} } }
const NEW_PASSWORD = 'a brand new passphrase'

/** Signs in over `https://` (as a browser would), with extra headers. */
async function signInOver(host: Parameters<typeof signIn>[0], url: string, headers: Record<string, string> = {}) {
  return host.app.request(`${url}/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'checkpost.test', ...headers },
    body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
  })
}

const sessionCookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('checkpost.session_token='))

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`session attacks (${engine})`, () => {
    it("changing the password ends the user's other sessions (a stolen cookie stops working); the current one stays", async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const stolen = await signIn(t.host, 'ada@example.com')
      const own = await signIn(t.host, 'ada@example.com')
      const change = await callWithCookie(t.host, 'auth-users/', { cookie: own, body: { changePassword: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } } })
      expect(change.status).toBe(200)
      expect((await callWithCookie(t.host, 'auth-users/', { cookie: stolen, ...ME })).status).toBe(401)
      expect((await callWithCookie(t.host, 'auth-users/', { cookie: own, ...ME })).status).toBe(200)
    })

    it('a refreshed session cookie over https keeps its Secure flag', async () => {
      await using t = await createUsersHost(engine, { CHECKPOST_SESSION_REFRESH_SECONDS: '0' })
      await seedUser(t, 'ada@example.com')
      const cookie = sessionCookieOf(await signInOver(t.host, 'https://checkpost.test'))!.split(';')[0]!
      await new Promise((resolve) => setTimeout(resolve, 1100))
      const response = await t.host.app.request('https://checkpost.test/api/auth-users/', {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: 'checkpost.test', cookie },
        body: JSON.stringify({ getCurrentUser: {} }),
      })
      expect(response.status).toBe(200)
      const refreshed = sessionCookieOf(response)
      expect(refreshed).toBeDefined()
      expect(refreshed).toMatch(/;\s*Secure/i)
    })

    it('behind a trusted TLS-terminating proxy (X-Forwarded-Proto: https) the session cookie is Secure', async () => {
      await using t = await createUsersHost(engine, { CHECKPOST_TRUSTED_PROXIES: '127.0.0.1/32' })
      await seedUser(t, 'ada@example.com')
      const response = await signInOver(t.host, 'http://checkpost.test', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' })
      expect(response.status).toBe(200)
      expect(sessionCookieOf(response)).toMatch(/;\s*Secure/i)
    })

    it('an untrusted peer cannot claim https with X-Forwarded-Proto (the cookie follows the real scheme)', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const response = await signInOver(t.host, 'http://checkpost.test', { 'x-forwarded-proto': 'https' })
      expect(response.status).toBe(200)
      expect(sessionCookieOf(response)).not.toMatch(/;\s*Secure/i)
    })
  })
}
