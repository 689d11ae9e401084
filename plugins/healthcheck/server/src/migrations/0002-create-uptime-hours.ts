import { sql, type Kysely, type Migration } from 'kysely'

/**
 * Hourly result counts per check, so uptime over 30 days reads ~720 small rows per
 * check instead of every result. Backfilled from the results already stored.
 */
export const createUptimeHours: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('healthcheck_uptime_hours')
      .addColumn('check_id', 'text', (c) => c.notNull().references('healthcheck_checks.id').onDelete('cascade'))
      // 'YYYY-MM-DDTHH' (UTC), the first 13 characters of an ISO timestamp: sorts as text.
      .addColumn('hour', 'text', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('up', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('healthcheck_uptime_hours_pk', ['check_id', 'hour'])
      .execute()
    await db.schema.createIndex('healthcheck_uptime_hours_hour_idx').on('healthcheck_uptime_hours').column('hour').execute()
    await sql`
      insert into healthcheck_uptime_hours (check_id, hour, total, up)
      select check_id, substr(observed_at, 1, 13), count(*), sum(case when status <> 'unhealthy' then 1 else 0 end)
      from healthcheck_results
      group by check_id, substr(observed_at, 1, 13)
    `.execute(db)
  },
}
