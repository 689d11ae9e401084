import type { MiddlewareHandler } from 'hono'
import { nodeIncomingOf } from './node-incoming.ts'
import { requestRecordOf } from './request-tracking.ts'

/** The most header lines a request may carry (Apache's LimitRequestFields default is 100). */
export const MAX_HEADER_LINES = 200

/**
 * Node's `server.maxHeadersCount` for the host: one over the limit. Node keeps at
 * least that many lines and drops the rest silently, so a request it cut short
 * is always over the limit and refused by `refuseExcessHeaderLines`, never read
 * without its last lines (where a trusted proxy appends its X-Forwarded-For).
 */
export const NODE_MAX_HEADERS_COUNT = MAX_HEADER_LINES + 1

/**
 * 431 Request Header Fields Too Large (RFC 6585), as Node answers a head over
 * its 16 KiB size limit: no body, connection closed. Requests made in process
 * (no Node request) have no such cut and pass.
 */
export const refuseExcessHeaderLines: MiddlewareHandler = function refuseExcessHeaderLines(c, next) {
  const incoming = nodeIncomingOf(c.env)
  if (incoming && incoming.rawHeaders.length / 2 > MAX_HEADER_LINES) {
    return Promise.resolve(new Response(null, { status: 431, headers: { connection: 'close', 'x-request-id': requestRecordOf(c).requestId } }))
  }
  return next() // not awaited here: one async frame fewer on every request
}
