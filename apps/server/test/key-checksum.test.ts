import { readFileSync } from 'node:fs'
import { hash } from '@node-rs/argon2'
import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, TEST_ENGINES } from '@checkpost/testing'
import { checksumOf } from '@checkpost/server'
import { describe, expect, it } from 'vitest'
import { asAdmin, getSystemsAs } from './support/key-calls.ts'

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')

/** The regex of the README's gitleaks `[[rules]]` entry (TOML literal string). */
function gitleaksRegex(): RegExp {
  const match = /\[\[rules\]\][\s\S]*?regex = '''(.+?)'''/.exec(README)
  if (!match) throw new Error('README has no gitleaks [[rules]] entry')
  return new RegExp(match[1]!, 'g')
}

/** A key as issued before checksums: 43 base62 characters, stored as argon2id. */
const LEGACY_SECRET = 'Zq3xW9pL2mN8vR4tY6uK1jH5gF7dS0aQ3wE9rT2yU4i'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`checksummed and legacy keys on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: [catalogPlugin], engine })

    it("issues keys the README's gitleaks rule finds and whose checksum holds, on create and regenerate", async () => {
      await using t = await start()
      const created = await asAdmin(t, 'createApplication', { name: 'scanner-check' })
      const regenerated = await asAdmin(t, 'regenerateApplicationSecret', { applicationId: created.body.id })
      for (const key of [created.body.secret as string, regenerated.body.secret as string]) {
        expect(`export TOKEN=${key} # in a file`.match(gitleaksRegex())).toEqual([key])
        expect(key.slice(-6)).toBe(checksumOf(key.slice(0, -6)))
      }
    })

    it('refuses a key with a wrong checksum with 401 before looking it up', async () => {
      await using t = await start()
      const { key } = await t.createKey(['catalog.catalog.read'])
      const corrupted = key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a')
      expect((await getSystemsAs(t, corrupted)).status).toBe(401)
      // With the database gone, a lookup would fail (500); a bad checksum never gets that far.
      await t.db.database.close()
      const response = await getSystemsAs(t, corrupted)
      expect(response.status).toBe(401)
      expect(response.body).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid API key' })
      expect((await getSystemsAs(t, key)).status).toBe(500) // the control: a lookup does fail now
    })

    it('accepts a key issued before checksums and replaces its argon2id hash by SHA-256 on first use', async () => {
      await using t = await start()
      const { id } = await t.createKey(['catalog.catalog.read'])
      const table = () => t.db.database.db.selectFrom('auth_applications_applications').where('id', '=', id)
      await t.db.database.db.updateTable('auth_applications_applications').set({ secret_hash: await hash(LEGACY_SECRET, { algorithm: 2 }), key_checksummed: 0 }).where('id', '=', id).execute()
      const legacyKey = `ck_${id}_${LEGACY_SECRET}`
      expect((await getSystemsAs(t, legacyKey)).status).toBe(200)
      const { secret_hash } = await table().select('secret_hash').executeTakeFirstOrThrow()
      expect(secret_hash).toMatch(/^[0-9a-f]{64}$/)
      expect((await getSystemsAs(t, legacyKey)).status).toBe(200)
      expect((await getSystemsAs(t, `ck_${id}_${LEGACY_SECRET.slice(0, -1)}x`)).status).toBe(401)
    })

    it('refuses a legacy key once its application was regenerated', async () => {
      await using t = await start()
      const { id } = await t.createKey(['catalog.catalog.read'])
      await t.db.database.db.updateTable('auth_applications_applications').set({ secret_hash: await hash(LEGACY_SECRET, { algorithm: 2 }), key_checksummed: 0 }).where('id', '=', id).execute()
      const legacyKey = `ck_${id}_${LEGACY_SECRET}`
      expect((await getSystemsAs(t, legacyKey)).status).toBe(200)
      const regenerated = await asAdmin(t, 'regenerateApplicationSecret', { applicationId: id })
      expect((await getSystemsAs(t, legacyKey)).status).toBe(401)
      expect((await getSystemsAs(t, regenerated.body.secret)).status).toBe(200)
    })
  })
}
