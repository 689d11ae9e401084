import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createFailureLimiter } from './failure-limiter.ts'
import { acquireRedisClient } from './redis-client.ts'
import type { LogFields, Logger } from './logger.ts'

const REDIS_URL = process.env.CHECKPOST_TEST_REDIS_URL

/** A logger that keeps its lines, to count what was logged. */
function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = []
  const at = (level: string) => (message: string, _fields?: LogFields) => {
    lines.push({ level, message })
  }
  const logger = { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger }
  return logger
}

describe('failure limiter', () => {
  it('refuses a key after maxFailures in memory, and forgets it on reset', async () => {
    const failures = createFailureLimiter({ maxFailures: 2, windowSeconds: 60 })
    await failures.recordFailure('10.0.0.1')
    expect(await failures.retryAfter('10.0.0.1')).toBeUndefined()
    await failures.recordFailure('10.0.0.1')
    expect(await failures.retryAfter('10.0.0.1')).toBeGreaterThan(0)
    expect(await failures.retryAfter('10.0.0.2')).toBeUndefined()
    await failures.reset('10.0.0.1')
    expect(await failures.retryAfter('10.0.0.1')).toBeUndefined()
  })

  it.skipIf(!REDIS_URL)('counts one key across two limiters (two processes) sharing Redis', async () => {
    const logger = recordingLogger()
    const redis = { url: REDIS_URL!, keyPrefix: `test:failures:${randomUUID()}`, logger }
    const a = createFailureLimiter({ maxFailures: 4, windowSeconds: 30, redis })
    const b = createFailureLimiter({ maxFailures: 4, windowSeconds: 30, redis })
    const connection = acquireRedisClient(REDIS_URL!, logger)
    // Until connected, counts go to the per-process insurance limiter.
    if (connection.client.status !== 'ready') await new Promise((resolve) => connection.client.once('ready', resolve))
    try {
      for (const limiter of [a, b, a]) await limiter.recordFailure('10.0.0.1')
      expect(await b.retryAfter('10.0.0.1')).toBeUndefined()
      await b.recordFailure('10.0.0.1')
      expect(await a.retryAfter('10.0.0.1')).toBeGreaterThan(0)
      expect(await b.retryAfter('10.0.0.1')).toBeGreaterThan(0)
      await a.reset('10.0.0.1')
      expect(await b.retryAfter('10.0.0.1')).toBeUndefined()
    } finally {
      await Promise.all([a.close(), b.close()])
      connection.release()
    }
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([])
  })

  it('keeps counting per process when Redis is unreachable, and logs the outage once', async () => {
    const logger = recordingLogger()
    const redis = { url: 'redis://127.0.0.1:1', keyPrefix: 'test:failures:down', logger }
    const a = createFailureLimiter({ maxFailures: 3, windowSeconds: 60, redis })
    const b = createFailureLimiter({ maxFailures: 3, windowSeconds: 60, redis })
    try {
      for (let i = 0; i < 3; i++) await a.recordFailure('10.0.0.1')
      expect(await a.retryAfter('10.0.0.1')).toBeGreaterThan(0)
      expect(await b.retryAfter('10.0.0.1')).toBeUndefined() // its own count: per process, not shared
      await new Promise((resolve) => setTimeout(resolve, 1000)) // ioredis keeps retrying meanwhile
      expect(logger.lines.filter((line) => line.message.startsWith('Redis unreachable'))).toHaveLength(1)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})
