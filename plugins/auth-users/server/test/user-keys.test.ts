import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { userKeyFormat } from '../src/user-key-authenticator.ts'
import { callWithCookie, createUsersHost, seedUser, signIn } from './users-kit.ts'

const ME = { body: { getCurrentUser: {} } }

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`user API keys (${engine})`, () => {
    async function withKey(expiresAt?: string) {
      // Trusting the in-process peer lets X-Forwarded-For name each request's source.
      const t = await createUsersHost(engine, { CHECKPOST_TRUSTED_PROXIES: '127.0.0.1' })
      const userId = await seedUser(t, 'ada@example.com', ['admin'])
      const cookie = await signIn(t.host, 'ada@example.com')
      const created = await callWithCookie(t.host, 'auth-users/', { cookie, body: { createUserApiKey: { name: 'laptop', expiresAt } } })
      return { t, userId, cookie, created: created.body.createUserApiKey as { id: string; secret: string; expiresAt: string | null } }
    }

    it('creates a cku_ key shown once, with a valid checksum, that acts as its user', async () => {
      const { t, userId, cookie, created } = await withKey()
      await using _ = t
      expect(created.secret).toMatch(new RegExp(`^cku_${created.id}_[0-9A-Za-z]{43}$`))
      const me = await t.call('auth-users/', { key: created.secret, ...ME })
      expect(me.status).toBe(200)
      expect(me.body.getCurrentUser.id).toBe(userId)
      const listed = await callWithCookie(t.host, 'auth-users/', { cookie, body: { getUserApiKeys: {} } })
      expect(listed.body.getUserApiKeys.keys).toEqual([expect.objectContaining({ id: created.id, name: 'laptop' })])
      expect(JSON.stringify(listed.body)).not.toContain(created.secret.slice(-43))
    })

    it('stores only the SHA-256 of the secret', async () => {
      const { t, created } = await withKey()
      await using _ = t
      const row = await t.db.database.db.selectFrom('auth_users_api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
      const { createHash } = await import('node:crypto')
      expect(row.secret_hash).toBe(createHash('sha256').update(created.secret.slice(-43)).digest('hex'))
    })

    it('a key cannot mint keys: createUserApiKey with a key is 403', async () => {
      const { t, created } = await withKey()
      await using _ = t
      const response = await t.call('auth-users/', { key: created.secret, body: { createUserApiKey: { name: 'second' } } })
      expect(response.status).toBe(403)
    })

    it('refuses a key whose checksum is wrong with 401 before any lookup', async () => {
      const { t, created } = await withKey()
      await using _ = t
      const last = created.secret.at(-1) === 'a' ? 'b' : 'a'
      const response = await t.call('auth-users/', { key: created.secret.slice(0, -1) + last, ...ME })
      expect(response.status).toBe(401)
      expect(response.body.message).toMatch(/Malformed API key/)
    })

    it('counts wrong user keys per source address: 429 after 20 from one address, while the right key is still served there and elsewhere', async () => {
      const { t, created } = await withKey()
      await using _ = t
      const from = (key: string, address: string) => t.call('auth-users/', { key, headers: { 'x-forwarded-for': address }, ...ME })
      // Well-formed guesses (valid checksums) for the real key id: they reach the lookup.
      const guesses = Array.from({ length: 21 }, () => userKeyFormat.mint(created.id).key)
      const statuses: number[] = []
      for (const guess of guesses) statuses.push((await from(guess, '198.51.100.7')).status)
      expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true)
      expect(statuses[20]).toBe(429)
      expect((await from(created.secret, '198.51.100.7')).status).toBe(200)
      expect((await from(created.secret, '203.0.113.9')).status).toBe(200)
    })

    it('a deleted key is refused on the next request', async () => {
      const { t, cookie, created } = await withKey()
      await using _ = t
      await callWithCookie(t.host, 'auth-users/', { cookie, body: { deleteUserApiKey: { keyId: created.id } } })
      expect((await t.call('auth-users/', { key: created.secret, ...ME })).status).toBe(401)
    })

    it('an expired key is 401 Key expired, and a live one carries Checkpost-Key-Expires', async () => {
      const { t, created } = await withKey(new Date(Date.now() + 3_600_000).toISOString())
      await using _ = t
      const live = await t.call('auth-users/', { key: created.secret, ...ME })
      expect(live.headers.get('checkpost-key-expires')).toBe(created.expiresAt)
      t.clock.set(new Date(Date.now() + 7_200_000))
      const expired = await t.call('auth-users/', { key: created.secret, ...ME })
      expect(expired.status).toBe(401)
      expect(expired.body.message).toBe('Key expired')
    })

    it('a key acts with its user current roles: losing a role loses its rules at once', async () => {
      const { t, userId, created } = await withKey()
      await using _ = t
      expect((await t.call('auth-users/', { key: created.secret, body: { getUsers: {} } })).status).toBe(200)
      await t.call('auth-users/', { key: t.adminKey, body: { setUserRoles: { userId, roleIds: [] } } })
      const after = await t.call('auth-users/', { key: created.secret, body: { getUsers: {} } })
      expect(after.status).toBe(403)
      expect(after.body.message).toBe('Missing access: auth-users.users.read')
    })

    it("a disabled user's keys are refused on the next request", async () => {
      const { t, userId, created } = await withKey()
      await using _ = t
      await t.call('auth-users/', { key: t.adminKey, body: { updateUser: { userId, disabled: true } } })
      expect((await t.call('auth-users/', { key: created.secret, ...ME })).status).toBe(401)
    })

    it('an application key has no user of its own: getCurrentUser is 403', async () => {
      await using t = await createUsersHost(engine)
      const response = await t.call('auth-users/', { key: t.adminKey, ...ME })
      expect(response.status).toBe(403)
    })
  })
}
