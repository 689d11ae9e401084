import type { AuthOutcome, AuthRequest } from './authenticator.ts'

type AuthFailure = Extract<AuthOutcome, { ok: false }>

/**
 * A short, bounded label for why a credential was refused, for logs and the
 * `checkpost_auth_failures_total{reason}` metric: the authenticator's own
 * `reason` when it gives one, else `missing` (no credential), `rate_limited`
 * (429), `forbidden` (403, e.g. a source address not allowed) or `invalid`.
 */
export function authFailureReason(request: Pick<AuthRequest, 'authorization' | 'cookie'>, outcome: AuthFailure): string {
  if ('reason' in outcome && typeof outcome.reason === 'string') return outcome.reason
  if (!request.authorization && !request.cookie) return 'missing'
  if (outcome.code === 'TOO_MANY_REQUESTS') return 'rate_limited'
  return outcome.code === 'FORBIDDEN' ? 'forbidden' : 'invalid'
}
