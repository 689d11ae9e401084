import type { AuthOutcome, AuthRequest, Authenticator, Clock, Logger } from '@checkpost/server'
import type { Database } from '@checkpost/db'
import { isForeignOrigin } from './same-origin.ts'
import { withSecure } from './secure-cookie.ts'
import type { SignInLimiter } from './sign-in-limiter.ts'
import { SESSION_COOKIE, type SessionAuth } from './session-auth.ts'
import { createUserKeyAuth } from './user-key-authenticator.ts'
import type { UserIdentities } from './user-identity.ts'

export interface UserAuthenticatorOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
  readonly sessionAuth: () => Promise<SessionAuth>
  readonly identityOf: UserIdentities
  readonly trustedOrigins: ReadonlySet<string>
  /** Closed with the host (it may hold a Redis connection). */
  readonly limiter: SignInLimiter
}

const NO_SESSION = 'Invalid or expired session'

/**
 * Users' credentials: `Bearer cku_…` keys, and — only when no Authorization
 * header is sent, so bearer keys are unaffected — the session cookie. Anything
 * else is another authenticator's (`undefined`).
 */
export function createUserAuthenticator(options: UserAuthenticatorOptions): Authenticator {
  const keyAuth = createUserKeyAuth(options)

  async function sessionOutcome(request: AuthRequest): Promise<AuthOutcome> {
    if (isForeignOrigin(request, options.trustedOrigins)) {
      return { ok: false, code: 'FORBIDDEN', message: 'Cross-site request refused: Origin does not match this host' }
    }
    const auth = await options.sessionAuth()
    const headers = new Headers({ cookie: request.cookie ?? '' })
    const { headers: setHeaders, response } = await auth.api.getSession({ headers, returnHeaders: true })
    if (!response || response.user.disabled) return { ok: false, code: 'UNAUTHORIZED', message: NO_SESSION }
    const identity = await options.identityOf(response.user)
    const refreshed = setHeaders.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))
    const session = { credential: 'session' as const, sessionId: response.session.id }
    return { ok: true, identity: { ...identity, ...session }, headers: refreshed ? { 'set-cookie': withSecure(refreshed, request.https === true) } : undefined }
  }

  return {
    async authenticate(request) {
      if (request.authorization !== undefined) {
        if (!/^bearer\s+cku_/i.test(request.authorization.trim())) return undefined
        const outcome = await keyAuth(request.authorization, request.clientIp)
        return outcome.ok ? { ...outcome, identity: { ...outcome.identity, credential: 'key' } } : outcome
      }
      if (!hasSessionCookie(request.cookie)) return undefined
      return sessionOutcome(request)
    },
    flush: () => options.limiter.close(),
  }
}

function hasSessionCookie(cookie: string | undefined): boolean {
  return cookie !== undefined && cookie.split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`))
}
