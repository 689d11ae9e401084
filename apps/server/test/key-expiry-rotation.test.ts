import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { asAdmin, createReader, getSystemsAs } from './support/key-calls.ts'

const HOUR = 3_600_000

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`key expiry and rotation on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = (settings: Record<string, string> = {}) => createTestHost({ plugins: [catalogPlugin], engine, settings })

    it('answers an expiring key with Checkpost-Key-Expires, then 401 "Key expired" once the time has passed', async () => {
      await using t = await start()
      const expiresAt = new Date(t.clock.now().getTime() + HOUR).toISOString()
      const { key, application } = await createReader(t, { expiresAt })
      expect(application.expiresAt).toBe(expiresAt)
      const ok = await getSystemsAs(t, key)
      expect(ok.status).toBe(200)
      expect(ok.headers.get('checkpost-key-expires')).toBe(expiresAt)
      t.clock.advance(HOUR)
      const expired = await getSystemsAs(t, key)
      expect(expired.status).toBe(401)
      expect(expired.body).toEqual({ code: 'UNAUTHORIZED', message: 'Key expired' })
      expect(expired.headers.get('www-authenticate')).toBe('Bearer')
    })

    it('sends no Checkpost-Key-Expires for a key that never expires', async () => {
      await using t = await start()
      const { key } = await createReader(t)
      expect((await getSystemsAs(t, key)).headers.get('checkpost-key-expires')).toBeNull()
    })

    it('refuses an expiresAt in the past with 400 naming the field, on create and update', async () => {
      await using t = await start()
      const past = new Date(t.clock.now().getTime() - 1000).toISOString()
      const created = await asAdmin(t, 'createApplication', { name: 'late', expiresAt: past })
      expect(created.status).toBe(400)
      expect(created.body.issues).toEqual([{ path: 'expiresAt', message: 'must be in the future' }])
      const { id } = await createReader(t)
      const updated = await asAdmin(t, 'updateApplication', { applicationId: id, expiresAt: past })
      expect(updated.status).toBe(400)
      expect(updated.body.issues[0].path).toBe('expiresAt')
    })

    it('lets updateApplication set and clear an expiry, applied on the next request', async () => {
      await using t = await start()
      const { key, id } = await createReader(t)
      const soon = new Date(t.clock.now().getTime() + 1000).toISOString()
      expect((await asAdmin(t, 'updateApplication', { applicationId: id, expiresAt: soon })).body.expiresAt).toBe(soon)
      t.clock.advance(2000)
      expect((await getSystemsAs(t, key)).status).toBe(401)
      expect((await asAdmin(t, 'updateApplication', { applicationId: id, expiresAt: null })).body.expiresAt).toBeNull()
      expect((await getSystemsAs(t, key)).status).toBe(200)
    })

    it('makes expiresAt mandatory and bounded when CHECKPOST_MAX_KEY_LIFETIME_DAYS is set', async () => {
      await using t = await start({ CHECKPOST_MAX_KEY_LIFETIME_DAYS: '30' })
      const now = t.clock.now().getTime()
      const missing = await asAdmin(t, 'createApplication', { name: 'forever' })
      expect(missing.status).toBe(400)
      expect(missing.body.message).toBe('expiresAt is required (CHECKPOST_MAX_KEY_LIFETIME_DAYS is 30)')
      const tooFar = await asAdmin(t, 'createApplication', { name: 'far', expiresAt: new Date(now + 31 * 24 * HOUR).toISOString() })
      expect(tooFar.status).toBe(400)
      const ok = await asAdmin(t, 'createApplication', { name: 'ok', expiresAt: new Date(now + 29 * 24 * HOUR).toISOString() })
      expect(ok.status).toBe(200)
      expect((await asAdmin(t, 'updateApplication', { applicationId: ok.body.id, expiresAt: null })).status).toBe(400)
    })

    it('keeps the previous secret working for the overlap asked for, then refuses it', async () => {
      await using t = await start()
      const { key: old, id } = await createReader(t)
      const regenerated = await asAdmin(t, 'regenerateApplicationSecret', { applicationId: id, previousSecretValidForSeconds: 600 })
      expect(regenerated.body.previousSecretExpiresAt).toBe(new Date(t.clock.now().getTime() + 600_000).toISOString())
      expect((await getSystemsAs(t, old)).status).toBe(200)
      expect((await getSystemsAs(t, regenerated.body.secret)).status).toBe(200)
      t.clock.advance(600_000)
      expect((await getSystemsAs(t, old)).status).toBe(401)
      expect((await getSystemsAs(t, regenerated.body.secret)).status).toBe(200)
    })

    it('kills the previous secret at once by default (overlap 0)', async () => {
      await using t = await start()
      const { key: old, id } = await createReader(t)
      const regenerated = await asAdmin(t, 'regenerateApplicationSecret', { applicationId: id })
      expect(regenerated.body.previousSecretExpiresAt).toBeNull()
      expect((await getSystemsAs(t, old)).status).toBe(401)
    })

    it('never lets the overlap outlive the key: it ends at expiresAt', async () => {
      await using t = await start()
      const expiresAt = new Date(t.clock.now().getTime() + 60_000).toISOString()
      const { key: old, id } = await createReader(t, { expiresAt })
      const regenerated = await asAdmin(t, 'regenerateApplicationSecret', { applicationId: id, previousSecretValidForSeconds: 604_800 })
      expect(regenerated.body.previousSecretExpiresAt).toBe(expiresAt)
      t.clock.advance(60_000)
      expect((await getSystemsAs(t, old)).status).toBe(401)
    })

    it('ends an overlap early with revokePreviousSecret', async () => {
      await using t = await start()
      const { key: old, id } = await createReader(t)
      const regenerated = await asAdmin(t, 'regenerateApplicationSecret', { applicationId: id, previousSecretValidForSeconds: 3600 })
      expect((await getSystemsAs(t, old)).status).toBe(200)
      const revoked = await asAdmin(t, 'revokePreviousSecret', { applicationId: id })
      expect(revoked.status).toBe(200)
      expect(revoked.body.previousSecretExpiresAt).toBeNull()
      expect((await getSystemsAs(t, old)).status).toBe(401)
      expect((await getSystemsAs(t, regenerated.body.secret)).status).toBe(200)
    })

    it('refuses an overlap over 7 days or of the wrong type with 400 and the field path', async () => {
      await using t = await start()
      const { id } = await createReader(t)
      for (const value of [604_801, -1, 1.5, '60']) {
        const answer = await asAdmin(t, 'regenerateApplicationSecret', { applicationId: id, previousSecretValidForSeconds: value })
        expect(answer.status, String(value)).toBe(400)
        expect(answer.body.issues[0].path).toBe('previousSecretValidForSeconds')
      }
    })

    it('answers 404 to revokePreviousSecret for an unknown application', async () => {
      await using t = await start()
      const answer = await asAdmin(t, 'revokePreviousSecret', { applicationId: '0b7a3c5e-2f1d-4e8a-9c6b-1d2e3f4a5b6c' })
      expect(answer.status).toBe(404)
    })
  })
}
