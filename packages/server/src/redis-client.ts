import { createRequire } from 'node:module'
import type * as IoRedis from 'ioredis'
import type { Redis } from 'ioredis'
import type { Logger } from './logger.ts'

/**
 * ioredis is loaded on the first connection: a server without CHECKPOST_REDIS_URL
 * starts ~60 ms sooner. Bundles leave it out, so an app that bundles this kit
 * lists ioredis among its own dependencies.
 */
const requireClient = createRequire(import.meta.url)

/** A share of a process-wide Redis connection; `release` it when done (the last release disconnects). */
export interface RedisLease {
  readonly client: Redis
  release(): void
}

interface Shared {
  readonly client: Redis
  holders: number
}

const connections = new Map<string, Shared>()

/**
 * The one ioredis connection of this process to `url`, shared by every
 * fleet-wide counter (API key rate limits, sign-in failures). It fails fast
 * while disconnected (no offline queue, 500 ms command timeout) so callers fall
 * back to per-process counting, reconnects in the background, and logs an
 * outage once and the recovery once.
 * @example const redis = acquireRedisClient(env.CHECKPOST_REDIS_URL, logger); …; redis.release()
 */
export function acquireRedisClient(url: string, logger: Logger): RedisLease {
  let shared = connections.get(url)
  if (!shared) {
    shared = { client: connect(url, logger), holders: 0 }
    connections.set(url, shared)
  }
  shared.holders++
  const held = shared
  let released = false
  return {
    client: held.client,
    release() {
      if (released) return
      released = true
      if (--held.holders > 0) return
      connections.delete(url)
      held.client.disconnect()
    },
  }
}

function connect(url: string, logger: Logger): Redis {
  const { Redis: RedisClient } = requireClient('ioredis') as typeof IoRedis
  const redis = new RedisClient(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  })
  let degraded = false
  redis.on('error', (error: Error) => {
    if (degraded) return
    degraded = true
    logger.warn('Redis unreachable: rate limits and sign-in failure limits count per process until it answers', { error })
  })
  redis.on('ready', () => {
    if (!degraded) return
    degraded = false
    logger.info('Redis answers again: rate limits and sign-in failure limits count fleet-wide')
  })
  return redis
}
