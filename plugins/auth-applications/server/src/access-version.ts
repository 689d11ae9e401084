import type { Kysely } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'

/**
 * Marks every cached identity stale, on every process sharing the database:
 * the authenticator reads this counter with the key row on each request.
 * Called in the same transaction as any change to roles, rules or memberships.
 */
export async function bumpAccessVersion(db: Kysely<AuthApplicationsTables>): Promise<void> {
  await db
    .updateTable('auth_applications_state')
    .set((eb) => ({ access_version: eb('access_version', '+', 1) }))
    .where('id', '=', 1)
    .execute()
}
