import type { Kysely, Migration } from 'kysely'

/** getSystems pages by (name, id): an index on that key reads each page without sorting the catalog. */
export const indexSystemsByName: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.createIndex('catalog_systems_name_id_idx').on('catalog_systems').columns(['name', 'id']).execute()
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('catalog_systems_name_id_idx').execute()
  },
}
