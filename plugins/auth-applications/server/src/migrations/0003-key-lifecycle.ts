import type { Kysely, Migration } from 'kysely'

/**
 * Key lifecycle: whether the secret carries a checksum (keys issued before keep
 * working: 0 for every existing row), expiry, the previous secret during a
 * rotation overlap, rate limit, allowed source addresses, last source address.
 */
export const keyLifecycle: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    const table = 'auth_applications_applications'
    await db.schema.alterTable(table).addColumn('key_checksummed', 'integer', (c) => c.notNull().defaultTo(0)).execute()
    await db.schema.alterTable(table).addColumn('expires_at', 'text').execute()
    await db.schema.alterTable(table).addColumn('previous_secret_hash', 'text').execute()
    await db.schema.alterTable(table).addColumn('previous_secret_expires_at', 'text').execute()
    await db.schema.alterTable(table).addColumn('rate_limit_requests', 'integer').execute()
    await db.schema.alterTable(table).addColumn('rate_limit_window_seconds', 'integer').execute()
    await db.schema.alterTable(table).addColumn('allowed_ips', 'text').execute()
    await db.schema.alterTable(table).addColumn('last_used_ip', 'text').execute()
  },
}
