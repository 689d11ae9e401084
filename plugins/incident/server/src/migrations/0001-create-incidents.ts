import type { Kysely, Migration } from 'kysely'

/** Incidents, their affected systems and their timeline. */
export const createIncidents: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('incident_incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('impact', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .execute()
    await db.schema.createIndex('incident_incidents_created_idx').on('incident_incidents').columns(['created_at', 'id']).execute()
    // System ids point into another plugin's table: no foreign key; onResourceDeleted cleans them.
    await db.schema
      .createTable('incident_systems')
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incident_incidents.id').onDelete('cascade'))
      .addColumn('system_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_systems_pk', ['incident_id', 'system_id'])
      .execute()
    await db.schema.createIndex('incident_systems_system_idx').on('incident_systems').column('system_id').execute()
    await db.schema
      .createTable('incident_updates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incident_incidents.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('incident_updates_position_uq', ['incident_id', 'position'])
      .execute()
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropTable('incident_updates').execute()
    await db.schema.dropTable('incident_systems').execute()
    await db.schema.dropTable('incident_incidents').execute()
  },
}
