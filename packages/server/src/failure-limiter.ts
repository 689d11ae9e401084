import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/** Settings of a failure limiter. */
export interface FailureLimiterOptions {
  /** Failures allowed per window before the key is refused. */
  readonly maxFailures: number
  readonly windowSeconds: number
}

/** Counts failures per key (e.g. a source address) and says when to refuse. */
export interface FailureLimiter {
  /** Seconds to wait when `key` is over its failures, else undefined. */
  retryAfter(key: string): Promise<number | undefined>
  recordFailure(key: string): Promise<void>
}

/**
 * Failed attempts per key (per process, in memory, via rate-limiter-flexible):
 * after `maxFailures` in a window the key is refused until the window ends.
 * Key it by source address, never by the target account, so that nobody can
 * lock a valid credential out with wrong guesses.
 * @example const failures = createFailureLimiter({ maxFailures: 20, windowSeconds: 60 })
 */
export function createFailureLimiter(options: FailureLimiterOptions): FailureLimiter {
  if (!(options.maxFailures >= 1 && options.windowSeconds >= 1)) throw new Error('A failure limiter needs maxFailures and windowSeconds ≥ 1')
  const limiter = new RateLimiterMemory({ points: options.maxFailures, duration: options.windowSeconds })
  return {
    async retryAfter(key) {
      const res = await limiter.get(key)
      if (!res || res.consumedPoints < options.maxFailures) return undefined
      return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
    },
    async recordFailure(key) {
      try {
        await limiter.consume(key)
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection
      }
    },
  }
}
