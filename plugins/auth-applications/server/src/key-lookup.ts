import { prepareQuery, type Database } from '@checkpost/db'
import { sql, type Kysely } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'

/** What one request needs of its key: hashes, key settings and the access version, in one read. */
export interface KeyRow {
  id: string
  name: string
  secret_hash: string
  key_checksummed: number | string
  previous_secret_hash: string | null
  previous_secret_expires_at: string | null
  expires_at: string | null
  rate_limit_requests: number | string | null
  rate_limit_window_seconds: number | string | null
  allowed_ips: string | null
  last_used_at: string | null
  last_used_ip: string | null
  access_version: number | string
}

/**
 * The hot path's one primary-key read, compiled once: the key's row and the
 * access version, so a regenerate, delete, expiry change or role change made by
 * any process is seen on the next request.
 */
export function createKeyLookup(database: Database) {
  const query = prepareQuery((db, p: (name: 'id') => string) =>
    (db as Kysely<AuthApplicationsTables>)
      .selectFrom('auth_applications_applications as a')
      .select([
        'a.id',
        'a.name',
        'a.secret_hash',
        'a.key_checksummed',
        'a.previous_secret_hash',
        'a.previous_secret_expires_at',
        'a.expires_at',
        'a.rate_limit_requests',
        'a.rate_limit_window_seconds',
        'a.allowed_ips',
        'a.last_used_at',
        'a.last_used_ip',
      ])
      .select((eb) =>
        eb.selectFrom('auth_applications_state').select('access_version').where('id', '=', sql.lit(1)).as('access_version'),
      )
      .where('a.id', '=', p('id')),
  )
  return async (id: string): Promise<KeyRow | undefined> => ((await query.execute(database.db, { id })) as KeyRow[])[0]
}
