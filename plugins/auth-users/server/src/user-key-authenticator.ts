import type { Database } from '@checkpost/db'
import { createApiKeyFormat, createWrongKeyLimiter, hashApiSecret, sameApiSecretHash, type AuthOutcome, type Clock } from '@checkpost/server'
import { findKeyWithUser } from './user-key-repository.ts'
import type { UserIdentities } from './user-identity.ts'

/** User API keys: `cku_{keyId}_{secret}`. */
export const userKeyFormat = createApiKeyFormat('cku')

const INVALID = 'Invalid API key'
// Compared against when the key id is unknown, so that costs what a wrong secret costs.
const DUMMY_HASH = hashApiSecret('no such key')

export interface UserKeyAuthOptions {
  readonly database: Database
  readonly clock: Clock
  readonly identityOf: UserIdentities
}

/**
 * Checks `Bearer cku_…`: checksum before any lookup, one primary-key read of the
 * key with its user, SHA-256 compared in constant time; a disabled or deleted
 * user's keys fail on the next request on every process (the read sees it).
 * Wrong keys count per source address, as application keys' do.
 */
export function createUserKeyAuth({ database, clock, identityOf }: UserKeyAuthOptions) {
  const wrongKeys = createWrongKeyLimiter()
  return async function authenticateUserKey(authorization: string, clientIp: string): Promise<AuthOutcome> {
    const parsed = userKeyFormat.parseBearer(authorization)
    // User keys were born checksummed: no older form to accept.
    if (!parsed?.checksummed) return { ok: false, code: 'UNAUTHORIZED', message: 'Malformed API key (expected Authorization: Bearer cku_{keyId}_{secret})' }
    const row = await findKeyWithUser(database.db, parsed.id)
    const matches = sameApiSecretHash(row?.secret_hash ?? DUMMY_HASH, hashApiSecret(parsed.secret))
    if (!row || !matches) return wrongKeys.refuse(clientIp)
    // A disabled user's key is right but refused alike; it is no guess, so it does not count.
    if (Number(row.user_disabled) !== 0) return { ok: false, code: 'UNAUTHORIZED', message: INVALID }
    if (row.expires_at !== null && row.expires_at <= clock.now().toISOString()) {
      return { ok: false, code: 'UNAUTHORIZED', message: 'Key expired' }
    }
    const identity = await identityOf({ id: row.user_id, name: row.user_name })
    const headers = row.expires_at ? { 'Checkpost-Key-Expires': row.expires_at } : undefined
    return { ok: true, identity, headers }
  }
}
