import type { Kysely, Migration } from 'kysely'

export const createApplications: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('auth_applications_applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('last_used_at', 'text')
      .execute()
    await db.schema
      .createTable('auth_applications_roles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text')
      .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .createTable('auth_applications_role_rules')
      .addColumn('role_id', 'text', (c) => c.notNull().references('auth_applications_roles.id').onDelete('cascade'))
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('auth_applications_role_rules_pk', ['role_id', 'rule_id'])
      .execute()
    await db.schema
      .createTable('auth_applications_application_roles')
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('auth_applications_applications.id').onDelete('cascade'),
      )
      .addColumn('role_id', 'text', (c) => c.notNull().references('auth_applications_roles.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('auth_applications_application_roles_pk', ['application_id', 'role_id'])
      .execute()
    await db.schema
      .createTable('auth_applications_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('access_version', 'integer', (c) => c.notNull())
      .execute()
    await db.insertInto('auth_applications_state').values({ id: 1, access_version: 1 }).execute()
    await db
      .insertInto('auth_applications_roles')
      .values([
        { id: 'admin', name: 'admin', description: 'Holds every access rule', built_in: 1 },
        { id: 'applications', name: 'applications', description: 'Given to every new application', built_in: 1 },
      ])
      .execute()
    await db.insertInto('auth_applications_role_rules').values({ role_id: 'admin', rule_id: '*' }).execute()
  },
}
