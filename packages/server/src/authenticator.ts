import type { Identity } from './identity.ts'

/** What an authenticator sees of one request. */
export interface AuthRequest {
  /** The raw `Authorization` header, if any. */
  readonly authorization: string | undefined
  /** The raw `Cookie` header, if any. */
  readonly cookie: string | undefined
  /** The client's address (see `clientAddressOf`). */
  readonly clientIp: string
  /** The HTTP method, upper case. */
  readonly method: string
  /** The `Origin` header, if any (cookie credentials check it against CSRF). */
  readonly origin: string | undefined
  /** The `Host` header, if any: what a same-origin `Origin` names. */
  readonly host?: string | undefined
  /** True when the client reached the host over https (directly or through a trusted proxy). */
  readonly https?: boolean
}

/** The result of checking a credential; `headers` go on the response either way. */
export type AuthOutcome =
  | { readonly ok: true; readonly identity: Identity; readonly headers?: Readonly<Record<string, string>> }
  | {
      readonly ok: false
      readonly code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS'
      readonly message: string
      readonly retryAfterSeconds?: number
      readonly headers?: Readonly<Record<string, string>>
    }

/**
 * Turns a request's credential into an identity. Several plugins may provide
 * one (application keys, user sessions and keys): each answers `undefined`
 * for a request carrying no credential of its kind, and the host asks the next.
 */
export interface Authenticator {
  authenticate(request: AuthRequest): Promise<AuthOutcome | undefined>
  /** Writes anything held back (e.g. coalesced lastUsedAt); called on shutdown. */
  flush(): Promise<void>
}

/** The host's view: every request gets an outcome. */
export interface CombinedAuthenticator extends Authenticator {
  authenticate(request: AuthRequest): Promise<AuthOutcome>
}

const MISSING = 'Missing API key (Authorization: Bearer ck_…)'
const MALFORMED = 'Malformed API key (expected Authorization: Bearer ck_{applicationId}_{secret})'

/**
 * One authenticator over several, asked in order; the first that knows the
 * credential decides. A request none of them claims is 401, missing or malformed.
 * @example const auth = combineAuthenticators([userAuthenticator, applicationAuthenticator])
 */
export function combineAuthenticators(authenticators: readonly Authenticator[]): CombinedAuthenticator {
  if (authenticators.length === 0) throw new Error('At least one plugin must provide an authenticator')
  return {
    async authenticate(request) {
      for (const authenticator of authenticators) {
        const outcome = await authenticator.authenticate(request)
        if (outcome) return outcome
      }
      const message = request.authorization ? MALFORMED : MISSING
      return { ok: false, code: 'UNAUTHORIZED', message }
    },
    flush: async () => {
      await Promise.all(authenticators.map((authenticator) => authenticator.flush()))
    },
  }
}
