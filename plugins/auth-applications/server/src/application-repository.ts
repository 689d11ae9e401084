import type { Application } from '@checkpost/auth-applications-contract'
import { groupRows } from '@checkpost/db'
import type { Kysely } from 'kysely'
import { keySettingColumns, PUBLIC_COLUMNS, toApplication, type KeySettingsPatch } from './application-row.ts'
import type { AuthApplicationsTables } from './tables.ts'
import { teamIdsOfApplications } from './team-repository.ts'

type Db = Kysely<AuthApplicationsTables>

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

export interface NewApplicationRow extends KeySettingsPatch {
  readonly id: string
  readonly name: string
  readonly description: string | null
  readonly secretHash: string
  readonly createdAt: string
  readonly createdBy: string | null
}

/** Inserts a new application with a checksummed key's hash. */
export async function insertApplication(db: Db, row: NewApplicationRow): Promise<void> {
  await db
    .insertInto('auth_applications_applications')
    .values({
      id: row.id,
      name: row.name,
      description: row.description,
      secret_hash: row.secretHash,
      key_checksummed: 1,
      created_at: row.createdAt,
      created_by: row.createdBy,
      last_used_at: null,
      ...keySettingColumns(row),
    })
    .execute()
}

/** What an update may change. */
export interface ApplicationPatch extends KeySettingsPatch {
  readonly name?: string
  readonly description?: string | null
}

/** Applies a partial update; false when the application does not exist. */
export async function updateApplicationRow(db: Db, id: string, patch: ApplicationPatch): Promise<boolean> {
  const values = { name: patch.name, description: patch.description, ...keySettingColumns(patch) }
  if (Object.values(values).every((value) => value === undefined)) {
    return (await db.selectFrom('auth_applications_applications').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  }
  const result = await db.updateTable('auth_applications_applications').set(values).where('id', '=', id).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** What a key's expiry and overlap rules need to know before a regenerate. */
export async function findKeyState(db: Db, id: string) {
  return db
    .selectFrom('auth_applications_applications')
    .select(['secret_hash', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** A new secret: the current hash becomes the previous one until `previousExpiresAt` (null: dropped). */
export async function rotateSecretHash(
  db: Db,
  id: string,
  rotation: { secretHash: string; previousHash: string | null; previousExpiresAt: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('auth_applications_applications')
    .set({
      secret_hash: rotation.secretHash,
      key_checksummed: 1,
      previous_secret_hash: rotation.previousHash,
      previous_secret_expires_at: rotation.previousExpiresAt,
    })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Ends a rotation overlap; false when the application does not exist. */
export async function dropPreviousSecret(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('auth_applications_applications')
    .set({ previous_secret_hash: null, previous_secret_expires_at: null })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Replaces a verified legacy argon2id hash by SHA-256, unless a regenerate changed it meanwhile. */
export async function upgradeLegacyHash(db: Db, id: string, hashes: { legacy: string; sha256: string }): Promise<void> {
  await db
    .updateTable('auth_applications_applications')
    .set({ secret_hash: hashes.sha256 })
    .where('id', '=', id)
    .where('secret_hash', '=', hashes.legacy)
    .execute()
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

/** One coalesced use: when and from which address. */
export interface LastUse {
  readonly at: string
  readonly ip: string
}

/** Writes coalesced uses; never moves lastUsedAt back (another process may have written a later one). */
export async function recordLastUsed(db: Db, entries: ReadonlyMap<string, LastUse>): Promise<void> {
  for (const [id, use] of entries) {
    await db
      .updateTable('auth_applications_applications')
      .set({ last_used_at: use.at, last_used_ip: use.ip })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', use.at)]))
      .execute()
  }
}
