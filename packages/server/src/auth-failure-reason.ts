import type { AuthOutcome } from './authenticator.ts'

type AuthFailure = Extract<AuthOutcome, { ok: false }>

/**
 * A short, bounded label for why a credential was refused, for logs and the
 * `checkpost_auth_failures_total{reason}` metric: the authenticator's own
 * `reason` when it gives one, else `missing`, `rate_limited` or `invalid`.
 */
export function authFailureReason(authorization: string | undefined, outcome: AuthFailure): string {
  if ('reason' in outcome && typeof outcome.reason === 'string') return outcome.reason
  if (authorization === undefined || authorization === '') return 'missing'
  return outcome.code === 'TOO_MANY_REQUESTS' ? 'rate_limited' : 'invalid'
}
