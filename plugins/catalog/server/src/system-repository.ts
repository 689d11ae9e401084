import type { System } from '@checkpost/catalog-contract'
import { fromDbJson, prepareQuery, toDbJson } from '@checkpost/db'
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

// getSystems is the hottest read; compile its SQL once.
const listAll = prepareQuery<never, SystemRow>((db) =>
  (db as Db).selectFrom('catalog_systems').selectAll().orderBy('name').orderBy('id'),
)

/** Every system, by name. */
export async function listSystems(db: Db): Promise<System[]> {
  return (await listAll.execute(db, {})).map(toSystem)
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
