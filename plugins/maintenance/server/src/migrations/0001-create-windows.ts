import type { Kysely, Migration } from 'kysely'

/** Windows and the catalog systems each one affects. */
export const createWindows: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('maintenance_windows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('maintenance_windows_starts_idx').on('maintenance_windows').columns(['starts_at', 'id']).execute()
    // System ids point into the catalog plugin's tables, so no foreign key: the
    // catalog's deletions arrive through onResourceDeleted instead.
    await db.schema
      .createTable('maintenance_window_systems')
      .addColumn('window_id', 'text', (c) => c.notNull().references('maintenance_windows.id').onDelete('cascade'))
      .addColumn('system_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('maintenance_window_systems_pk', ['window_id', 'system_id'])
      .execute()
    await db.schema
      .createIndex('maintenance_window_systems_system_idx')
      .on('maintenance_window_systems')
      .column('system_id')
      .execute()
  },
}
