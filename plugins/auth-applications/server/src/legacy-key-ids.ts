import type { Database } from '@checkpost/db'
import type { Kysely } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'
import { createUuidSetBuilder, type UuidSet } from './uuid-set.ts'

/** Ids read per query while loading: each page is garbage before the next, so the load leaves no trace in the heap. */
const PAGE = 2_000

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
    ids ??= loadLegacyIds(database.db as Kysely<AuthApplicationsTables>)
    ids.catch(() => (ids = undefined))
    return ids
  }
  return {
    has: async (id: string) => (await load()).has(id),
    forget: (id: string) => void ids?.then((set) => set.delete(id)),
  }
}

/**
 * Reads the legacy ids page by page in id order (keyset paging), parsing each
 * into the set as it comes. Observed with 100,000 of them: one `execute()` of
 * every row left the server, for as long as it ran, with ~4× the bytes
 * surviving each scavenge (2.0 vs 0.46 MB) and about twice the mark-compacts
 * of a server with 10 applications under the same load; paged, it matches.
 */
async function loadLegacyIds(db: Kysely<AuthApplicationsTables>): Promise<UuidSet> {
  const builder = createUuidSetBuilder()
  let after: string | undefined
  while (true) {
    const rows = await db
      .selectFrom('auth_applications_applications')
      .select('id')
      .where('key_checksummed', '=', 0)
      .$if(after !== undefined, (query) => query.where('id', '>', after!))
      .orderBy('id')
      .limit(PAGE)
      .execute()
    for (const row of rows) builder.add(row.id)
    if (rows.length < PAGE) return builder.build()
    after = rows[rows.length - 1]!.id
  }
}
