import type { Database } from '@checkpost/db'
import type { Kysely } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'
import { createUuidSet, type UuidSet } from './uuid-set.ts'

/**
 * Ids of applications whose key was issued before checksums (only these may
 * present a key without one). Loaded once, on the first key without a
 * checksum: no new ones are ever made, and an id that turns out regenerated is
 * dropped, so the set only shrinks. Held as a `UuidSet` (16 bytes an id, off
 * the JS heap): an installation from before checksums may hold 100,000 of them.
 */
export function createLegacyKeyIds(database: Database) {
  let ids: Promise<UuidSet> | undefined
  function load(): Promise<UuidSet> {
    ids ??= (database.db as Kysely<AuthApplicationsTables>)
      .selectFrom('auth_applications_applications')
      .select('id')
      .where('key_checksummed', '=', 0)
      .execute()
      .then((rows) => createUuidSet(rows.map((row) => row.id)))
    ids.catch(() => (ids = undefined))
    return ids
  }
  return {
    has: async (id: string) => (await load()).has(id),
    forget: (id: string) => void ids?.then((set) => set.delete(id)),
  }
}
