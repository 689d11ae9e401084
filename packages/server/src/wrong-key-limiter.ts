import type { AuthOutcome } from './authenticator.ts'
import { failureBucketOf } from './failure-bucket.ts'
import { createFailureLimiter, holdLockedOutRefusal } from './failure-limiter.ts'

/** Wrong keys one source may send per window before it is refused (DESIGN: failures per source address). */
export const WRONG_KEYS_PER_SOURCE = { maxFailures: 20, windowSeconds: 60 } as const

const INVALID = 'Invalid API key'
const TOO_MANY = 'Too many failed attempts from this address'

/** Counts wrong API keys per source (an IPv4 address or an IPv6 /64) and answers them. */
export interface WrongKeyLimiter {
  /**
   * Counts a wrong key from `clientIp` and answers it: 401 `Invalid API key`, or —
   * once the source is over its limit — 429 with `retryAfterSeconds`, held back
   * `LOCKED_OUT_REFUSAL_DELAY_MS` (a tarpit: a flood cannot crowd out valid callers).
   */
  refuse(clientIp: string): Promise<AuthOutcome & { ok: false }>
  /** True when `clientIp`'s source is over its limit (e.g. to skip a slow legacy hash). */
  isLockedOut(clientIp: string): Promise<boolean>
}

/**
 * The wrong-key policy every key authenticator shares (application and user
 * keys): never per key or account, so nobody locks a valid key out, and asked
 * only about wrong keys, so valid requests never wait on it.
 * @example const wrongKeys = createWrongKeyLimiter(); if (!matches) return wrongKeys.refuse(request.clientIp)
 */
export function createWrongKeyLimiter(): WrongKeyLimiter {
  const failures = createFailureLimiter(WRONG_KEYS_PER_SOURCE)
  return {
    async refuse(clientIp) {
      const bucket = failureBucketOf(clientIp)
      const wait = await failures.retryAfter(bucket)
      await failures.recordFailure(bucket)
      if (wait === undefined) return { ok: false, code: 'UNAUTHORIZED', message: INVALID }
      await holdLockedOutRefusal()
      return { ok: false, code: 'TOO_MANY_REQUESTS', message: TOO_MANY, retryAfterSeconds: wait }
    },
    isLockedOut: async (clientIp) => (await failures.retryAfter(failureBucketOf(clientIp))) !== undefined,
  }
}
