import { randomUUID } from 'node:crypto'
import { migrateToLatest } from '@checkpost/db'
import { createTestDatabase, TEST_ENGINES } from '@checkpost/testing'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createLegacyKeyIds } from './legacy-key-ids.ts'
import { authApplicationsPlugin } from './plugin.ts'
import type { AuthApplicationsTables } from './tables.ts'

/** More legacy applications than one page of the load (2,000), so the paging is crossed. */
const LEGACY = 4_100

async function insertApplications(db: Kysely<AuthApplicationsTables>, ids: readonly string[], keyChecksummed: number): Promise<void> {
  const now = new Date().toISOString()
  for (let at = 0; at < ids.length; at += 500) {
    const rows = ids.slice(at, at + 500).map((id) => ({ id, name: `app-${id}`, secret_hash: 'x', created_at: now, key_checksummed: keyChecksummed }))
    await db.insertInto('auth_applications_applications').values(rows).execute()
  }
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`createLegacyKeyIds on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('knows every pre-checksum application across pages, and no other', async () => {
      const test = await createTestDatabase(engine)
      try {
        await migrateToLatest(test.database.db, [authApplicationsPlugin])
        const db = test.database.db as Kysely<AuthApplicationsTables>
        const legacy = Array.from({ length: LEGACY }, () => randomUUID())
        const current = Array.from({ length: 50 }, () => randomUUID())
        await insertApplications(db, legacy, 0)
        await insertApplications(db, current, 1)
        const ids = createLegacyKeyIds(test.database)
        for (const id of legacy) expect(await ids.has(id)).toBe(true)
        for (const id of [...current, randomUUID()]) expect(await ids.has(id)).toBe(false)
        ids.forget(legacy[0]!)
        await Promise.resolve()
        expect(await ids.has(legacy[0]!)).toBe(false)
        expect(await ids.has(legacy[1]!)).toBe(true)
      } finally {
        await test.dispose()
      }
    })
  })
}
