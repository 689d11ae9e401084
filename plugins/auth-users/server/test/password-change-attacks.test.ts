import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callWithCookie, createUsersHost, PASSWORD, seedUser, signIn } from './users-kit.ts'

const LIMITS = { CHECKPOST_SIGNIN_FAILURES_PER_EMAIL: '3', CHECKPOST_SIGNIN_FAILURES_PER_ADDRESS: '50' }
const change = (currentPassword: string) => ({ changePassword: { currentPassword, newPassword: 'attacker chosen password' } })

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`password change attacks (${engine})`, () => {
    it('a user API key cannot change its user’s password (it needs a signed-in session, as minting keys does)', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      const key = (await callWithCookie(t.host, 'auth-users/', { cookie, body: { createUserApiKey: { name: 'ci' } } })).body.createUserApiKey.secret
      const attack = await t.call('auth-users/', { key, body: change(PASSWORD) })
      expect(attack.status).toBe(403)
      expect((await signIn(t.host, 'ada@example.com')).length).toBeGreaterThan(0)
    })

    it('guessing the current password through changePassword is limited like sign-in: 429 with Retry-After, the right one included', async () => {
      await using t = await createUsersHost(engine, LIMITS)
      await seedUser(t, 'ada@example.com')
      const cookie = await signIn(t.host, 'ada@example.com')
      for (let i = 0; i < 3; i++) {
        expect((await callWithCookie(t.host, 'auth-users/', { cookie, body: change(`guess number ${i}`) })).status).toBe(403)
      }
      const limited = await callWithCookie(t.host, 'auth-users/', { cookie, body: change(PASSWORD) })
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    })
  })
}
