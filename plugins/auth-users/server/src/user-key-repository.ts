import type { UserApiKey } from '@checkpost/auth-users-contract'
import type { Kysely } from 'kysely'
import type { AuthUsersTables } from './tables.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>
const typed = (db: AnyDb) => db as Kysely<AuthUsersTables>

/** A key row joined with its user, as the authenticator reads it in one query. */
export interface KeyWithUser {
  readonly id: string
  readonly secret_hash: string
  readonly expires_at: string | null
  readonly user_id: string
  readonly user_name: string
  readonly user_disabled: number | string
}

/** The key and its user by key id (a primary-key read). */
export async function findKeyWithUser(db: AnyDb, keyId: string): Promise<KeyWithUser | undefined> {
  return typed(db)
    .selectFrom('auth_users_api_keys as k')
    .innerJoin('auth_users_users as u', 'u.id', 'k.user_id')
    .select(['k.id', 'k.secret_hash', 'k.expires_at', 'k.user_id', 'u.name as user_name', 'u.disabled as user_disabled'])
    .where('k.id', '=', keyId)
    .executeTakeFirst()
}

/** A user's keys, newest first (never their hashes). */
export async function listKeysOf(db: AnyDb, userId: string): Promise<UserApiKey[]> {
  const rows = await typed(db)
    .selectFrom('auth_users_api_keys')
    .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, expiresAt: row.expires_at, lastUsedAt: row.last_used_at }))
}

/** Stores a new key by its secret's hash. */
export async function insertKey(
  db: AnyDb,
  key: { id: string; userId: string; name: string; secretHash: string; createdAt: string; expiresAt: string | null },
): Promise<void> {
  await typed(db)
    .insertInto('auth_users_api_keys')
    .values({ id: key.id, user_id: key.userId, name: key.name, secret_hash: key.secretHash, created_at: key.createdAt, expires_at: key.expiresAt, last_used_at: null })
    .execute()
}

/** Deletes one of a user's keys; returns its id and name, or undefined when that user holds no such key. */
export async function deleteKeyOf(db: AnyDb, userId: string, keyId: string): Promise<{ id: string; name: string } | undefined> {
  const key = await typed(db).selectFrom('auth_users_api_keys').select(['id', 'name']).where('id', '=', keyId).where('user_id', '=', userId).executeTakeFirst()
  if (key) await typed(db).deleteFrom('auth_users_api_keys').where('id', '=', keyId).execute()
  return key
}
