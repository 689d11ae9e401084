import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { setTimeout as delay } from 'node:timers/promises'
import type { Logger } from './logger.ts'
import { acquireRedisClient, type RedisLease } from './redis-client.ts'

/** Settings of a failure limiter. */
export interface FailureLimiterOptions {
  /** Failures allowed per window before the key is refused. */
  readonly maxFailures: number
  readonly windowSeconds: number
  /**
   * Count across the fleet in Redis (`CHECKPOST_REDIS_URL`) under `keyPrefix`;
   * absent = per process. While Redis is unreachable counting goes on per process.
   */
  readonly redis?: { readonly url: string; readonly keyPrefix: string; readonly logger: Logger }
}

/** Counts failures per key (e.g. a source address) and says when to refuse. */
export interface FailureLimiter {
  /** Seconds to wait when `key` is over its failures, else undefined. */
  retryAfter(key: string): Promise<number | undefined>
  recordFailure(key: string): Promise<void>
  /** Forgets `key`'s failures (e.g. after a success). */
  reset(key: string): Promise<void>
  /** Lets go of the Redis connection, if any. */
  close(): Promise<void>
}

/**
 * Failed attempts per key via rate-limiter-flexible: after `maxFailures` in a
 * window the key is refused until the window ends. In memory per process, or in
 * Redis for the whole fleet (with the in-memory limiter as insurance while
 * Redis is down). Key it by source address, never by the target account alone,
 * so that nobody can lock a valid credential out with wrong guesses.
 * @example const failures = createFailureLimiter({ maxFailures: 20, windowSeconds: 60 })
 */
export function createFailureLimiter(options: FailureLimiterOptions): FailureLimiter {
  if (!(options.maxFailures >= 1 && options.windowSeconds >= 1)) throw new Error('A failure limiter needs maxFailures and windowSeconds ≥ 1')
  const points = { points: options.maxFailures, duration: options.windowSeconds }
  const memory = new RateLimiterMemory({ ...points, keyPrefix: options.redis?.keyPrefix ?? 'failures' })
  let lease: RedisLease | undefined
  let limiter: RateLimiterAbstract = memory
  if (options.redis) {
    lease = acquireRedisClient(options.redis.url, options.redis.logger)
    limiter = new RateLimiterRedis({ ...points, storeClient: lease.client, keyPrefix: options.redis.keyPrefix, rejectIfRedisNotReady: true, insuranceLimiter: memory })
  }
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
    async reset(key) {
      await limiter.delete(key)
    },
    close: async () => lease?.release(),
  }
}

/** How long a refusal to a source over its failure limit is held back, in ms. */
export const LOCKED_OUT_REFUSAL_DELAY_MS = 500

/**
 * Waits before answering a source that is over its failure limit (a tarpit):
 * a flood of wrong credentials from one source then gets one answer per
 * connection every `LOCKED_OUT_REFUSAL_DELAY_MS` instead of as fast as the
 * host can refuse, so it cannot crowd out valid callers. The wait holds a
 * timer, not a worker.
 */
export function holdLockedOutRefusal(): Promise<void> {
  return delay(LOCKED_OUT_REFUSAL_DELAY_MS)
}
