import type { Identity } from './identity.ts'

/** The result of checking a credential. */
export type AuthOutcome =
  | { readonly ok: true; readonly identity: Identity }
  | {
      readonly ok: false
      readonly code: 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS'
      readonly message: string
      readonly retryAfterSeconds?: number
    }

/** Turns an Authorization header into an identity; provided by exactly one plugin. */
export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<AuthOutcome>
  /** Writes anything held back (e.g. coalesced lastUsedAt); called on shutdown. */
  flush(): Promise<void>
}
