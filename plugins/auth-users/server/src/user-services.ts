import type { PluginDeps } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { createSessionAuth, type SessionAuth } from './session-auth.ts'
import { createSignInLimiter, signInLimitsOf, type SignInLimiter } from './sign-in-limiter.ts'
import { trustedOriginsOf } from './same-origin.ts'
import type { AuthUsersTables } from './tables.ts'
import { createUserIdentities, type UserIdentities } from './user-identity.ts'
import { requireRbac } from './require-rbac.ts'

/** What the plugin's router, authenticator and routes share within one host. */
export interface UserServices {
  readonly sessionAuth: () => Promise<SessionAuth>
  readonly identityOf: UserIdentities
  readonly limiter: SignInLimiter
  readonly trustedOrigins: ReadonlySet<string>
}

const DAY = 86_400
const perHost = new WeakMap<PluginDeps, UserServices>()

/**
 * One set per host (keyed by its deps object, which the host passes to every
 * factory): better-auth is built on first use, once the cookie secret is read
 * from the database (`CHECKPOST_AUTH_SECRET` overrides it).
 */
export function userServicesOf(deps: PluginDeps): UserServices {
  let services = perHost.get(deps)
  if (!services) {
    services = buildServices(deps)
    perHost.set(deps, services)
  }
  return services
}

function buildServices(deps: PluginDeps): UserServices {
  const { database, logger, settings } = deps
  const expiresInSeconds = Number(settings.CHECKPOST_SESSION_TTL_SECONDS ?? 7 * DAY)
  const updateAgeSeconds = Number(settings.CHECKPOST_SESSION_REFRESH_SECONDS ?? Math.min(DAY, expiresInSeconds))
  if (!(expiresInSeconds > 0) || !(updateAgeSeconds >= 0)) throw new Error('CHECKPOST_SESSION_TTL_SECONDS and CHECKPOST_SESSION_REFRESH_SECONDS must be positive numbers')
  let auth: Promise<SessionAuth> | undefined
  async function build(): Promise<SessionAuth> {
    const db = database.db as Kysely<AuthUsersTables>
    const row = await db.selectFrom('auth_users_state').select('cookie_secret').where('id', '=', 1).executeTakeFirstOrThrow()
    return createSessionAuth({ database, logger, expiresInSeconds, updateAgeSeconds }, settings.CHECKPOST_AUTH_SECRET ?? row.cookie_secret)
  }
  return {
    sessionAuth: () => {
      auth ??= build().catch((error: unknown) => {
        auth = undefined
        throw error
      })
      return auth
    },
    identityOf: createUserIdentities(database, requireRbac(deps.rbac)),
    limiter: createSignInLimiter({ ...signInLimitsOf(settings), logger }),
    trustedOrigins: trustedOriginsOf(settings),
  }
}
