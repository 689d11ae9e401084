import type { Kysely, Migration } from 'kysely'

export const createAuditLog: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    // Append-only: rows are inserted by changes and removed only by retention.
    await db.schema
      .createTable('auth_applications_audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('target_name', 'text')
      .addColumn('changes', 'text')
      .addColumn('request_id', 'text')
      .addColumn('source_ip', 'text')
      .execute()
    await db.schema.createIndex('auth_applications_audit_log_at_idx').on('auth_applications_audit_log').columns(['at', 'id']).execute()
    await db.schema.createIndex('auth_applications_audit_log_actor_idx').on('auth_applications_audit_log').columns(['actor_id', 'at']).execute()
    await db.schema.createIndex('auth_applications_audit_log_target_idx').on('auth_applications_audit_log').columns(['target_id', 'at']).execute()
  },
}
