import type { Database } from '@checkpost/db'
import { NO_RESOURCE_ACCESS, type Authenticator } from '@checkpost/server'
import { verify } from '@node-rs/argon2'
import type { Kysely } from 'kysely'

/**
 * Verification the way many systems do it, for comparison only: on every
 * request, argon2 verify, query the roles and their rules, and write lastUsedAt.
 */
export function createNaiveAuthenticator(database: Database): Authenticator {
  const db = database.db as Kysely<any>
  return {
    async authenticate({ authorization }) {
      const match = /^Bearer ck_([0-9a-f-]{36})_(\w+)$/.exec(authorization ?? '')
      if (!match) return { ok: false, code: 'UNAUTHORIZED', message: 'Malformed API key' }
      const [, id, secret] = match as unknown as [string, string, string]
      const app = await db.selectFrom('auth_applications_applications').selectAll().where('id', '=', id).executeTakeFirst()
      if (!app || !(await verify(app.secret_hash, secret))) return { ok: false, code: 'UNAUTHORIZED', message: 'Invalid API key' }
      const roles = await db.selectFrom('auth_applications_application_roles').select('role_id').where('application_id', '=', id).execute()
      const rules = roles.length
        ? await db.selectFrom('auth_applications_role_rules').select('rule_id').where('role_id', 'in', roles.map((r) => r.role_id)).execute()
        : []
      await db.updateTable('auth_applications_applications').set({ last_used_at: new Date().toISOString() }).where('id', '=', id).execute()
      const identity = {
        kind: 'application' as const,
        id,
        name: app.name as string,
        rules: new Set(rules.map((r) => r.rule_id as string)),
        teamIds: new Set<string>(),
        resourceAccess: NO_RESOURCE_ACCESS,
      }
      return { ok: true, identity }
    },
    flush: async () => {},
  }
}
