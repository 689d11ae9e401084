import type { Kysely, Migration } from 'kysely'

export const createCatalog: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('catalog_systems')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('catalog_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('catalog_group_systems')
      .addColumn('group_id', 'text', (c) => c.notNull().references('catalog_groups.id').onDelete('cascade'))
      .addColumn('system_id', 'text', (c) => c.notNull().references('catalog_systems.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('catalog_group_systems_pk', ['group_id', 'system_id'])
      .execute()
    await db.schema.createIndex('catalog_group_systems_system_idx').on('catalog_group_systems').column('system_id').execute()
  },
}
