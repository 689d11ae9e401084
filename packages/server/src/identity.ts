import type { ResourceAccessView } from './resource-access.ts'

/** Who is calling: an RBAC identity with its granted rules and teams. */
export interface Identity {
  readonly kind: 'application' | 'user'
  readonly id: string
  readonly name: string
  /** Granted rule ids (`*` for everything). */
  readonly rules: ReadonlySet<string>
  /** Ids of the teams the identity belongs to. */
  readonly teamIds: ReadonlySet<string>
  /** Team grants and team-only settings, current as of this identity's check. */
  readonly resourceAccess: ResourceAccessView
  /** How it proved itself: an API key, or a signed-in user's session cookie. */
  readonly credential?: 'key' | 'session'
  /** The session's id when `credential` is `'session'` (so a password change can keep it and end the others). */
  readonly sessionId?: string
}
