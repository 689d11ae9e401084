import type { Role } from '@checkpost/auth-applications-contract'
import { fromDbBool, groupRows } from '@checkpost/db'
import type { Kysely } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'

type Db = Kysely<AuthApplicationsTables>

/** Every role with its rule ids, built-ins first. */
export async function listRoles(db: Db): Promise<Role[]> {
  const rows = await db.selectFrom('auth_applications_roles').selectAll().orderBy('built_in', 'desc').orderBy('name').execute()
  const rules = await db.selectFrom('auth_applications_role_rules').selectAll().orderBy('rule_id').execute()
  const byRole = groupRows(rules, (r) => r.role_id, (r) => r.rule_id)
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    accessRules: byRole.get(row.id) ?? [],
    builtIn: fromDbBool(row.built_in),
  }))
}

/** One role, or undefined. */
export async function findRole(db: Db, id: string): Promise<Role | undefined> {
  const row = await db.selectFrom('auth_applications_roles').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const rules = await db.selectFrom('auth_applications_role_rules').select('rule_id').where('role_id', '=', id).orderBy('rule_id').execute()
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    accessRules: rules.map((r) => r.rule_id),
    builtIn: fromDbBool(row.built_in),
  }
}

/** The id of the role with this name, if any. */
export async function findRoleIdByName(db: Db, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('auth_applications_roles').select('id').where('name', '=', name).executeTakeFirst()
  return row?.id
}

/** Which of `ids` are existing roles. */
export async function existingRoleIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('auth_applications_roles').select('id').where('id', 'in', [...ids]).execute()
  return new Set(rows.map((r) => r.id))
}

export async function insertRole(db: Db, role: { id: string; name: string; description: string | null }) {
  await db.insertInto('auth_applications_roles').values({ ...role, built_in: 0 }).execute()
}

export async function updateRoleRow(db: Db, id: string, patch: { name?: string; description?: string | null }) {
  if (patch.name === undefined && patch.description === undefined) return
  await db.updateTable('auth_applications_roles').set(patch).where('id', '=', id).execute()
}

/** Replaces a role's rules with exactly `ruleIds`. */
export async function replaceRoleRules(db: Db, id: string, ruleIds: readonly string[]): Promise<void> {
  await db.deleteFrom('auth_applications_role_rules').where('role_id', '=', id).execute()
  if (ruleIds.length === 0) return
  await db
    .insertInto('auth_applications_role_rules')
    .values([...new Set(ruleIds)].map((ruleId) => ({ role_id: id, rule_id: ruleId })))
    .execute()
}

export async function deleteRoleRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('auth_applications_roles').where('id', '=', id).execute()
}

/** Every rule id an application holds through its roles. */
export async function rulesOfApplication(db: Db, applicationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('auth_applications_application_roles as ar')
    .innerJoin('auth_applications_role_rules as rr', 'rr.role_id', 'ar.role_id')
    .select('rr.rule_id')
    .distinct()
    .where('ar.application_id', '=', applicationId)
    .execute()
  return rows.map((r) => r.rule_id)
}

/** Every rule id held by any of `roleIds` (unknown ids add nothing). */
export async function rulesOfRoles(db: Db, roleIds: readonly string[]): Promise<string[]> {
  if (roleIds.length === 0) return []
  const rows = await db
    .selectFrom('auth_applications_role_rules')
    .select('rule_id')
    .distinct()
    .where('role_id', 'in', [...roleIds])
    .execute()
  return rows.map((r) => r.rule_id)
}
