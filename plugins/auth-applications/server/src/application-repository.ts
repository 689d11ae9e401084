import type { Application } from '@checkpost/auth-applications-contract'
import { groupRows } from '@checkpost/db'
import type { Kysely, Selectable } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'
import { teamIdsOfApplications } from './team-repository.ts'

type Db = Kysely<AuthApplicationsTables>
type ApplicationRow = Selectable<AuthApplicationsTables['auth_applications_applications']>

const PUBLIC_COLUMNS = ['id', 'name', 'description', 'created_at', 'created_by', 'last_used_at'] as const

function toApplication(row: Omit<ApplicationRow, 'secret_hash'>, roles: string[], teams: string[]): Application {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    roles,
    teams,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
  }
}

/** Every application with its role ids, oldest first. Never reads the secret hash. */
export async function listApplications(db: Db): Promise<Application[]> {
  const rows = await db.selectFrom('auth_applications_applications').select(PUBLIC_COLUMNS).orderBy('created_at').orderBy('id').execute()
  const links = await db.selectFrom('auth_applications_application_roles').select(['application_id', 'role_id']).orderBy('role_id').execute()
  const rolesByApp = groupRows(links, (link) => link.application_id, (link) => link.role_id)
  const members = await db
    .selectFrom('auth_applications_team_members')
    .select(['member_id', 'team_id'])
    .where('member_kind', '=', 'application')
    .orderBy('team_id')
    .execute()
  const teamsByApp = groupRows(members, (m) => m.member_id, (m) => m.team_id)
  return rows.map((row) => toApplication(row, rolesByApp.get(row.id) ?? [], teamsByApp.get(row.id) ?? []))
}

/** One application with its role ids, or undefined. */
export async function findApplication(db: Db, id: string): Promise<Application | undefined> {
  const row = await db.selectFrom('auth_applications_applications').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const teams = (await teamIdsOfApplications(db, [id])).get(id) ?? []
  return toApplication(row, await rolesOfApplication(db, id), teams)
}

/** Role ids held by an application. */
export async function rolesOfApplication(db: Db, id: string): Promise<string[]> {
  const rows = await db.selectFrom('auth_applications_application_roles').select('role_id').where('application_id', '=', id).orderBy('role_id').execute()
  return rows.map((r) => r.role_id)
}

export interface NewApplicationRow {
  readonly id: string
  readonly name: string
  readonly description: string | null
  readonly secretHash: string
  readonly createdAt: string
  readonly createdBy: string | null
}

export async function insertApplication(db: Db, row: NewApplicationRow): Promise<void> {
  await db
    .insertInto('auth_applications_applications')
    .values({
      id: row.id,
      name: row.name,
      description: row.description,
      secret_hash: row.secretHash,
      created_at: row.createdAt,
      created_by: row.createdBy,
      last_used_at: null,
    })
    .execute()
}

/** Applies a partial update; false when the application does not exist. */
export async function updateApplicationRow(
  db: Db,
  id: string,
  patch: { name?: string; description?: string | null },
): Promise<boolean> {
  if (patch.name === undefined && patch.description === undefined) {
    return (await db.selectFrom('auth_applications_applications').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  }
  const result = await db
    .updateTable('auth_applications_applications')
    .set({ name: patch.name, description: patch.description })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Replaces the stored hash; false when the application does not exist. */
export async function setSecretHash(db: Db, id: string, secretHash: string): Promise<boolean> {
  const result = await db.updateTable('auth_applications_applications').set({ secret_hash: secretHash }).where('id', '=', id).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Deletes an application (its role links cascade); false when it did not exist. */
export async function deleteApplicationRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('auth_applications_applications').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Replaces the application's roles with exactly `roleIds`. */
export async function replaceApplicationRoles(db: Db, id: string, roleIds: readonly string[]): Promise<void> {
  await db.deleteFrom('auth_applications_application_roles').where('application_id', '=', id).execute()
  if (roleIds.length === 0) return
  await db
    .insertInto('auth_applications_application_roles')
    .values([...new Set(roleIds)].map((roleId) => ({ application_id: id, role_id: roleId })))
    .execute()
}

/** Writes coalesced lastUsedAt values; never moves one back (another process may have written a later one). */
export async function recordLastUsed(db: Db, entries: ReadonlyMap<string, string>): Promise<void> {
  for (const [id, at] of entries) {
    await db
      .updateTable('auth_applications_applications')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
      .execute()
  }
}
