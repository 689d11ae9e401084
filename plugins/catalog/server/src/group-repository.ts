import { groupRows } from '@checkpost/db'
import type { Group } from '@checkpost/catalog-contract'
import type { Kysely, Selectable } from 'kysely'
import type { CatalogTables } from './tables.ts'

type Db = Kysely<CatalogTables>
type GroupRow = Selectable<CatalogTables['catalog_groups']>

function toGroup(row: GroupRow, systemIds: string[]): Group {
  return { id: row.id, name: row.name, systemIds, createdAt: row.created_at, updatedAt: row.updated_at }
}

async function membersOf(db: Db, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  if (groupIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('catalog_group_systems')
    .select(['group_id', 'system_id'])
    .where('group_id', 'in', [...groupIds])
    .orderBy('system_id')
    .execute()
  return groupRows(rows, (row) => row.group_id, (row) => row.system_id)
}

/** Every group with its system ids, by name. */
export async function listGroups(db: Db): Promise<Group[]> {
  const rows = await db.selectFrom('catalog_groups').selectAll().orderBy('name').orderBy('id').execute()
  const members = await membersOf(db, rows.map((r) => r.id))
  return rows.map((row) => toGroup(row, members.get(row.id) ?? []))
}

/** One group, or undefined. */
export async function findGroup(db: Db, id: string): Promise<Group | undefined> {
  const row = await db.selectFrom('catalog_groups').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return toGroup(row, (await membersOf(db, [id])).get(id) ?? [])
}

export async function insertGroup(db: Db, group: { id: string; name: string; at: string }): Promise<void> {
  await db
    .insertInto('catalog_groups')
    .values({ id: group.id, name: group.name, created_at: group.at, updated_at: group.at })
    .execute()
}

/** Renames and/or touches a group; false when it does not exist. */
export async function updateGroupRow(db: Db, id: string, patch: { name?: string; at: string }): Promise<boolean> {
  const result = await db
    .updateTable('catalog_groups')
    .set({ name: patch.name, updated_at: patch.at })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function deleteGroupRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('catalog_groups').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Adds systems to a group, ignoring ones already in it. */
export async function addGroupSystems(db: Db, groupId: string, systemIds: readonly string[]): Promise<void> {
  if (systemIds.length === 0) return
  await db
    .insertInto('catalog_group_systems')
    .values([...new Set(systemIds)].map((systemId) => ({ group_id: groupId, system_id: systemId })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function removeGroupSystem(db: Db, groupId: string, systemId: string): Promise<void> {
  await db.deleteFrom('catalog_group_systems').where('group_id', '=', groupId).where('system_id', '=', systemId).execute()
}
