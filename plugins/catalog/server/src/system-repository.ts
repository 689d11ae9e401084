import type { System, SystemList } from '@checkpost/catalog-contract'
import { decodeCursor, encodeCursor, fromDbJson, prepareQuery, toDbJson } from '@checkpost/db'
import type { Kysely, Selectable } from 'kysely'
import type { CatalogTables } from './tables.ts'

type Db = Kysely<CatalogTables>
type SystemRow = Selectable<CatalogTables['catalog_systems']>

function toSystem(row: SystemRow): System {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    metadata: fromDbJson<Record<string, unknown>>(row.metadata) ?? {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

// getSystems is the hottest read; compile its SQL once. Keyset order: name, then id.
// Named columns, not `*`: the SQLite root reader then names a row's fields once, not per read.
const SYSTEM_COLUMNS = ['id', 'name', 'description', 'metadata', 'created_at', 'updated_at'] as const satisfies readonly (keyof SystemRow)[]
const firstPage = prepareQuery<'limit', SystemRow>((db, p) =>
  (db as Db).selectFrom('catalog_systems').select(SYSTEM_COLUMNS).orderBy('name').orderBy('id').limit(p('limit') as unknown as number),
)
// `name >= ?` bounds the index range; the OR only trims ties on that name.
const pageAfter = prepareQuery<'name' | 'id' | 'limit', SystemRow>((db, p) =>
  (db as Db)
    .selectFrom('catalog_systems')
    .select(SYSTEM_COLUMNS)
    .where('name', '>=', p('name'))
    .where((eb) => eb.or([eb('name', '>', p('name')), eb('id', '>', p('id'))]))
    .orderBy('name')
    .orderBy('id')
    .limit(p('limit') as unknown as number),
)

/** Where a page of systems starts and how long it is. */
export interface SystemPage {
  /** 1..500 systems. */
  readonly limit: number
  /** A `nextCursor` of an earlier page; absent: the first page. Anything else is 400 (issue at `cursor`). */
  readonly cursor?: string
}

/** One page of systems by name then id, and the cursor after its last one (null when none follow). */
export async function listSystems(db: Db, page: SystemPage): Promise<SystemList> {
  const limit = page.limit + 1 // one more tells whether a next page exists
  let rows: SystemRow[]
  if (page.cursor === undefined) rows = await firstPage.execute(db, { limit })
  else {
    const [name, id] = decodeCursor(page.cursor, 2) as [string, string]
    rows = await pageAfter.execute(db, { name, id, limit })
  }
  const shown = rows.slice(0, page.limit)
  const last = shown[shown.length - 1]
  const nextCursor = rows.length > page.limit && last ? encodeCursor([last.name, last.id]) : null
  return { systems: shown.map(toSystem), nextCursor }
}

/** One system, or undefined. */
export async function findSystem(db: Db, id: string): Promise<System | undefined> {
  const row = await db.selectFrom('catalog_systems').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toSystem(row)
}

/** Which of `ids` are existing systems. */
export async function existingSystemIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('catalog_systems').select('id').where('id', 'in', [...ids]).execute()
  return new Set(rows.map((r) => r.id))
}

export interface NewSystem {
  readonly id: string
  readonly name: string
  readonly description: string | null
  readonly metadata: Record<string, unknown>
  readonly at: string
}

export async function insertSystem(db: Db, system: NewSystem): Promise<void> {
  await db
    .insertInto('catalog_systems')
    .values({
      id: system.id,
      name: system.name,
      description: system.description,
      metadata: toDbJson(system.metadata),
      created_at: system.at,
      updated_at: system.at,
    })
    .execute()
}

export interface SystemPatch {
  readonly name?: string
  readonly description?: string | null
  readonly metadata?: Record<string, unknown>
}

/** Applies a partial update; false when the system does not exist. */
export async function updateSystemRow(db: Db, id: string, patch: SystemPatch & { at: string }): Promise<boolean> {
  const result = await db
    .updateTable('catalog_systems')
    .set({
      name: patch.name,
      description: patch.description,
      metadata: patch.metadata === undefined ? undefined : toDbJson(patch.metadata),
      updated_at: patch.at,
    })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Deletes a system; its group memberships cascade. False when it did not exist. */
export async function deleteSystemRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('catalog_systems').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}
