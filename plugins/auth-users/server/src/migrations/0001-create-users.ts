import { randomBytes } from 'node:crypto'
import type { Kysely, Migration } from 'kysely'

/**
 * Users and their credentials. The users, accounts, sessions and verifications
 * tables are better-auth's (its fields mapped to snake_case); timestamps are ISO
 * text and booleans 0/1 on both engines, as everywhere in Checkpost.
 */
export const createUsers: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('auth_users_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('image', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('last_sign_in_at', 'text')
      .execute()
    await db.schema
      .createTable('auth_users_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('auth_users_users.id').onDelete('cascade'))
      .addColumn('access_token', 'text')
      .addColumn('refresh_token', 'text')
      .addColumn('id_token', 'text')
      .addColumn('access_token_expires_at', 'text')
      .addColumn('refresh_token_expires_at', 'text')
      .addColumn('scope', 'text')
      .addColumn('password', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('auth_users_accounts_user_idx').on('auth_users_accounts').column('user_id').execute()
    await db.schema
      .createTable('auth_users_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('auth_users_users.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ip_address', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('auth_users_sessions_user_idx').on('auth_users_sessions').column('user_id').execute()
    await db.schema
      .createTable('auth_users_verifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('identifier', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('auth_users_user_roles')
      .addColumn('user_id', 'text', (c) => c.notNull().references('auth_users_users.id').onDelete('cascade'))
      .addColumn('role_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('auth_users_user_roles_pk', ['user_id', 'role_id'])
      .execute()
    await db.schema
      .createTable('auth_users_api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('auth_users_users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute()
    await db.schema.createIndex('auth_users_api_keys_user_idx').on('auth_users_api_keys').column('user_id').execute()
    // The session cookie's signing secret: one per installation, shared by every process.
    await db.schema
      .createTable('auth_users_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('cookie_secret', 'text', (c) => c.notNull())
      .execute()
    await db.insertInto('auth_users_state').values({ id: 1, cookie_secret: randomBytes(32).toString('base64url') }).execute()
  },
}
