import type { Kysely, Migration } from 'kysely'

export const createChecks: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    // system_id points into the catalog's tables: no foreign key; deletions arrive through onResourceDeleted.
    await db.schema
      .createTable('healthcheck_checks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('system_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('interval_seconds', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('http_url', 'text')
      .addColumn('http_expected_status', 'integer')
      .addColumn('http_timeout_ms', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('next_run_at', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'text')
      .execute()
    await db.schema.createIndex('healthcheck_checks_system_idx').on('healthcheck_checks').column('system_id').execute()
    await db.schema.createIndex('healthcheck_checks_due_idx').on('healthcheck_checks').column('next_run_at').execute()
    await db.schema
      .createTable('healthcheck_results')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('check_id', 'text', (c) => c.notNull().references('healthcheck_checks.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('latency_ms', 'integer')
      .addColumn('message', 'text')
      .addColumn('observed_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('healthcheck_results_check_time_idx')
      .on('healthcheck_results')
      .columns(['check_id', 'observed_at', 'id'])
      .execute()
    await db.schema.createIndex('healthcheck_results_time_idx').on('healthcheck_results').columns(['observed_at', 'id']).execute()
  },
}
