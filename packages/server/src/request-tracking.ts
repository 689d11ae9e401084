import type { Context, MiddlewareHandler } from 'hono'
import type { Logger } from './logger.ts'
import type { RequestObserver } from './request-observer.ts'
import { createRequestRecord, type RequestRecord } from './request-record.ts'
import { resolveRequestId } from './request-id.ts'
import { requestHeader } from './request-header.ts'

/** Where the request record lives on Hono's context. */
export const REQUEST_RECORD = 'checkpostRequest'

export interface RequestTrackingOptions {
  readonly logger: Logger
  readonly observer?: RequestObserver
}

/**
 * The first middleware of the host: gives the request its id and record, and
 * when the response is ready writes one access-log line at `info`
 * (`requestId, method, path, plugin, procedures, status, durationMs, identity`)
 * and tells the observer. Never a header, a body or a secret.
 */
export function createRequestTracking({ logger, observer }: RequestTrackingOptions): MiddlewareHandler {
  return async function trackRequest(c, next) {
    const started = performance.now()
    const record = createRequestRecord(resolveRequestId(requestHeader(c, 'x-request-id')))
    c.set(REQUEST_RECORD, record)
    await next()
    const durationMs = Math.round((performance.now() - started) * 1000) / 1000
    const status = c.res.status
    const method = c.req.method
    const path = c.req.path
    logger.info('request', {
      requestId: record.requestId,
      method,
      path,
      plugin: record.plugin,
      procedures: record.procedures,
      status,
      durationMs,
      identity: record.identity,
      authFailure: record.authFailure,
    })
    observer?.requestFinished({ record, method, path, status, durationMs })
  }
}

/** This request's record (set by `createRequestTracking`); a detached one if it did not run. */
export function requestRecordOf(c: Context): RequestRecord {
  return (c.get(REQUEST_RECORD) as RequestRecord | undefined) ?? createRequestRecord(resolveRequestId(requestHeader(c, 'x-request-id')))
}
