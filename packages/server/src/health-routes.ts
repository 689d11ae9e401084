import type { Database } from '@checkpost/db'
import type { Context } from 'hono'
import { jsonResponse } from './http-responses.ts'
import type { Logger } from './logger.ts'
import { requestRecordOf } from './request-tracking.ts'

/** Where a host is in its life: readiness answers 200 only while `ready`. */
export type HostState = 'starting' | 'ready' | 'stopping'

export interface HealthRouteDeps {
  readonly database: Database
  readonly logger: Logger
  readonly state: () => HostState
}

const PING_TIMEOUT_MS = 2000
const NOT_READY: Record<Exclude<HostState, 'ready'>, string> = {
  starting: 'Starting: migrations are running',
  stopping: 'Shutting down',
}

/**
 * `GET /api/health` (liveness: the process serves and, once migrated, its database answers) and
 * `GET /api/ready` (readiness: also not starting nor stopping), both without auth.
 */
export function createHealthRoutes({ database, logger, state }: HealthRouteDeps) {
  async function databaseAnswers(requestId: string): Promise<boolean> {
    try {
      await withTimeout(database.ping(), PING_TIMEOUT_MS)
      return true
    } catch (error) {
      logger.warn('database ping failed', { requestId, error })
      return false
    }
  }

  async function health(c: Context) {
    const { requestId } = requestRecordOf(c)
    // Alive while migrating: the database is busy with them, and a restart would not help.
    if (state() === 'starting') return jsonResponse({ status: 'starting' }, requestId)
    if (await databaseAnswers(requestId)) return jsonResponse({ status: 'ok' }, requestId)
    return jsonResponse({ code: 'SERVICE_UNAVAILABLE', message: 'Database unreachable' }, requestId, { status: 503 })
  }

  async function ready(c: Context) {
    const { requestId } = requestRecordOf(c)
    const current = state()
    if (current !== 'ready') return unavailable(NOT_READY[current], requestId)
    if (await databaseAnswers(requestId)) return jsonResponse({ status: 'ready' }, requestId)
    return unavailable('Database unreachable', requestId)
  }

  return { health, ready }
}

/** 503 with `Retry-After: 1`, the answer of a host that cannot serve yet. */
export function unavailable(message: string, requestId: string): Response {
  return jsonResponse({ code: 'SERVICE_UNAVAILABLE', message }, requestId, { status: 503, headers: { 'retry-after': '1' } })
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
