import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { Logger } from './logger.ts'
import { acquireRedisClient } from './redis-client.ts'

/** A limit: `points` per `durationSeconds`. */
export interface LimitRule {
  readonly points: number
  readonly durationSeconds: number
}

/** What one consumed point left, in the terms of the RateLimit-* headers. */
export interface LimitVerdict {
  readonly allowed: boolean
  readonly limit: number
  readonly remaining: number
  /** Seconds until the window resets (at least 1). */
  readonly resetSeconds: number
}

/** Counts requests per key against per-call rules; fleet-wide through Redis when configured. */
export interface RequestLimiter {
  consume(key: string, rule: LimitRule): Promise<LimitVerdict>
  /** Disconnects from Redis, if any. */
  close(): Promise<void>
}

export interface RequestLimiterOptions {
  /** Namespace of the counters (in Redis: the key prefix). */
  readonly keyPrefix: string
  readonly logger: Logger
  /** `redis://…`; unset = counters per process. */
  readonly redisUrl?: string
}

const MAX_RULES = 1000

/**
 * rate-limiter-flexible over Redis (ioredis) when `redisUrl` is set, with an
 * in-memory limiter as its insurance: while Redis is unreachable, counting goes
 * on per process and the outage is logged once.
 * @example const limiter = createRequestLimiter({ keyPrefix: 'app', logger, redisUrl: env.CHECKPOST_REDIS_URL })
 */
export function createRequestLimiter(options: RequestLimiterOptions): RequestLimiter {
  const lease = options.redisUrl ? acquireRedisClient(options.redisUrl, options.logger) : undefined
  const redis = lease?.client
  const limiters = new Map<string, RateLimiterAbstract>()

  function limiterFor(rule: LimitRule): RateLimiterAbstract {
    const name = `${options.keyPrefix}:${rule.points}:${rule.durationSeconds}`
    let limiter = limiters.get(name)
    if (limiter) return limiter
    const memory = new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.durationSeconds })
    limiter = redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: name,
          points: rule.points,
          duration: rule.durationSeconds,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
        })
      : memory
    if (limiters.size >= MAX_RULES) limiters.delete(limiters.keys().next().value as string)
    limiters.set(name, limiter)
    return limiter
  }

  return {
    async consume(key, rule) {
      try {
        return verdictOf(rule, await limiterFor(rule).consume(key), true)
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return verdictOf(rule, rejection, false)
        throw rejection
      }
    },
    close: async () => lease?.release(),
  }
}

function verdictOf(rule: LimitRule, res: RateLimiterRes, allowed: boolean): LimitVerdict {
  return {
    allowed,
    limit: rule.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  }
}
