import type { Kysely, Migration } from 'kysely'

export const createTeams: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('auth_applications_teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    // Members are applications or users (member_kind), so no foreign key on member_id:
    // deleting an application removes its memberships in the same transaction.
    await db.schema
      .createTable('auth_applications_team_members')
      .addColumn('team_id', 'text', (c) => c.notNull().references('auth_applications_teams.id').onDelete('cascade'))
      .addColumn('member_kind', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('auth_applications_team_members_pk', ['team_id', 'member_kind', 'member_id'])
      .execute()
    await db.schema
      .createIndex('auth_applications_team_members_member_idx')
      .on('auth_applications_team_members')
      .columns(['member_kind', 'member_id'])
      .execute()
    await db.schema
      .createTable('auth_applications_resource_grants')
      .addColumn('resource_type', 'text', (c) => c.notNull())
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull().references('auth_applications_teams.id').onDelete('cascade'))
      .addColumn('can_manage', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('auth_applications_resource_grants_pk', ['resource_type', 'resource_id', 'team_id'])
      .execute()
    await db.schema
      .createTable('auth_applications_resource_settings')
      .addColumn('resource_type', 'text', (c) => c.notNull())
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('team_only', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('auth_applications_resource_settings_pk', ['resource_type', 'resource_id'])
      .execute()
  },
}
