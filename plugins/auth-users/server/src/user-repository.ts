import { randomUUID } from 'node:crypto'
import type { User } from '@checkpost/auth-users-contract'
import { groupRows } from '@checkpost/db'
import type { Kysely } from 'kysely'
import type { AuthUsersTables } from './tables.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>
const typed = (db: AnyDb) => db as Kysely<AuthUsersTables>

/** A user without its teams (those live in auth-applications). */
export type UserRecord = Omit<User, 'teams'>

/** Users by email, with their role ids; one user when `userId` is given. */
export async function listUserRecords(db: AnyDb, userId?: string): Promise<UserRecord[]> {
  let query = typed(db).selectFrom('auth_users_users').selectAll().orderBy('email')
  if (userId !== undefined) query = query.where('id', '=', userId)
  const rows = await query.execute()
  const roles = await roleIdsOfUsers(db, rows.map((row) => row.id))
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    roles: roles.get(row.id) ?? [],
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    disabled: Number(row.disabled) !== 0,
  }))
}

async function roleIdsOfUsers(db: AnyDb, userIds: readonly string[]): Promise<Map<string, string[]>> {
  if (userIds.length === 0) return new Map()
  const rows = await typed(db)
    .selectFrom('auth_users_user_roles')
    .selectAll()
    .where('user_id', 'in', [...userIds])
    .orderBy('role_id')
    .execute()
  return groupRows(rows, (row) => row.user_id, (row) => row.role_id)
}

/** A user's role ids (none for an unknown user). */
export async function roleIdsOfUser(db: AnyDb, userId: string): Promise<string[]> {
  return (await roleIdsOfUsers(db, [userId])).get(userId) ?? []
}

/** True when the user exists. */
export async function userExists(db: AnyDb, userId: string): Promise<boolean> {
  return (await typed(db).selectFrom('auth_users_users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined
}

/** Inserts a user and its password credential (better-auth's `credential` account). */
export async function insertUser(
  db: AnyDb,
  user: { email: string; name: string; passwordHash: string; at: string },
): Promise<string> {
  const id = randomUUID()
  const stamps = { created_at: user.at, updated_at: user.at }
  await typed(db).insertInto('auth_users_users').values({ id, email: user.email, name: user.name, email_verified: 0, image: null, disabled: 0, last_sign_in_at: null, ...stamps }).execute()
  await typed(db)
    .insertInto('auth_users_accounts')
    .values({ id: randomUUID(), account_id: id, provider_id: 'credential', user_id: id, password: user.passwordHash, ...stamps })
    .execute()
  return id
}

/** The user id holding `email` (already lower-cased), if any. */
export async function findUserIdByEmail(db: AnyDb, email: string): Promise<string | undefined> {
  const row = await typed(db).selectFrom('auth_users_users').select('id').where('email', '=', email).executeTakeFirst()
  return row?.id
}

/** Changes name and/or disabled; false when the user does not exist. */
export async function updateUserRow(db: AnyDb, userId: string, patch: { name?: string; disabled?: boolean; at: string }): Promise<boolean> {
  const values: { updated_at: string; name?: string; disabled?: number } = { updated_at: patch.at }
  if (patch.name !== undefined) values.name = patch.name
  if (patch.disabled !== undefined) values.disabled = patch.disabled ? 1 : 0
  const result = await typed(db).updateTable('auth_users_users').set(values).where('id', '=', userId).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Replaces a user's roles. */
export async function replaceUserRoles(db: AnyDb, userId: string, roleIds: readonly string[]): Promise<void> {
  await typed(db).deleteFrom('auth_users_user_roles').where('user_id', '=', userId).execute()
  const unique = [...new Set(roleIds)]
  if (unique.length > 0) {
    await typed(db).insertInto('auth_users_user_roles').values(unique.map((role_id) => ({ user_id: userId, role_id }))).execute()
  }
}

/** Deletes a user; its credentials, sessions, roles and keys go with it (foreign keys). */
export async function deleteUserRow(db: AnyDb, userId: string): Promise<boolean> {
  const result = await typed(db).deleteFrom('auth_users_users').where('id', '=', userId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Ends every session of a user (disable, password change), but `except` (the one changing it), when given. */
export async function deleteSessionsOf(db: AnyDb, userId: string, except?: string): Promise<void> {
  let query = typed(db).deleteFrom('auth_users_sessions').where('user_id', '=', userId)
  if (except !== undefined) query = query.where('id', '!=', except)
  await query.execute()
}

/** The stored password hash of a user's credential, if any. */
export async function passwordHashOf(db: AnyDb, userId: string): Promise<string | undefined> {
  const row = await typed(db)
    .selectFrom('auth_users_accounts')
    .select('password')
    .where('user_id', '=', userId)
    .where('provider_id', '=', 'credential')
    .executeTakeFirst()
  return row?.password ?? undefined
}

/** Replaces a user's password hash. */
export async function setPasswordHash(db: AnyDb, userId: string, change: { passwordHash: string; at: string }): Promise<boolean> {
  const result = await typed(db)
    .updateTable('auth_users_accounts')
    .set({ password: change.passwordHash, updated_at: change.at })
    .where('user_id', '=', userId)
    .where('provider_id', '=', 'credential')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Records a successful sign-in. */
export async function touchSignIn(db: AnyDb, userId: string, at: string): Promise<void> {
  await typed(db).updateTable('auth_users_users').set({ last_sign_in_at: at }).where('id', '=', userId).execute()
}
