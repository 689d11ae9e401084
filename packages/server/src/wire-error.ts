import { ERROR_STATUS, isDomainError, type ErrorBody, type ErrorCode, type ErrorIssue } from '@checkpost/contract'
import { isForeignKeyViolation, isUniqueViolation } from '@checkpost/db'
import { ORPCError } from '@orpc/server'
import type { Logger } from './logger.ts'

/** An error on its way to the wire: status, body and extra headers. */
export class WireError extends Error {
  readonly status: number
  readonly body: ErrorBody
  readonly headers: Readonly<Record<string, string>>
  constructor(body: ErrorBody, headers: Record<string, string> = {}) {
    super(body.message)
    this.name = 'WireError'
    this.status = ERROR_STATUS[body.code]
    this.body = body
    this.headers = headers
  }
}

/** Shorthand for a `WireError` with a code and message. */
export function wireError(code: ErrorCode, message: string, extra: Partial<ErrorBody> = {}): WireError {
  return new WireError({ code, message, ...extra })
}

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
)

/** Standard Schema issues → `{path, message}` with dotted paths. */
export function toIssues(issues: readonly unknown[]): ErrorIssue[] {
  return issues.map((raw) => {
    const issue = raw as { message?: unknown; path?: unknown }
    if (typeof issue.path === 'string') return { path: issue.path, message: String(issue.message ?? 'Invalid value') }
    const path = (Array.isArray(issue.path) ? issue.path : [])
      .map((part) => (typeof part === 'object' && part !== null && 'key' in part ? part.key : part))
      .map(String)
      .join('.')
    return { path, message: String(issue.message ?? 'Invalid value') }
  })
}

/**
 * Maps anything thrown below the transport to the wire: oRPC errors keep their
 * code, domain errors keep code and message, anything else is logged and
 * becomes a generic INTERNAL_SERVER_ERROR.
 */
export function toWireError(error: unknown, logger: Logger): WireError {
  if (error instanceof WireError) return error
  if (error instanceof ORPCError && error.cause instanceof WireError) return error.cause
  if (isDomainError(error)) return wireError(error.code, error.message, error.issues ? { issues: error.issues } : {})
  // A concurrent writer (often another process) took the same unique value first,
  // or deleted a row this write referenced after it was checked.
  if (isUniqueViolation(error) || isForeignKeyViolation(error)) {
    return wireError('CONFLICT', 'Conflicts with a concurrent change; nothing was written')
  }
  if (error instanceof ORPCError) {
    const code = (error.code in ERROR_STATUS ? error.code : CODE_BY_STATUS.get(error.status)) as ErrorCode | undefined
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      const data = error.data as { issues?: unknown } | undefined
      const issues = Array.isArray(data?.issues) ? toIssues(data.issues) : undefined
      return wireError(code, error.message, issues ? { issues } : {})
    }
    logger.error('procedure failed', { error: error.cause ?? error })
    return wireError('INTERNAL_SERVER_ERROR', 'Internal server error')
  }
  logger.error('unexpected error', { error })
  return wireError('INTERNAL_SERVER_ERROR', 'Internal server error')
}

/** The same mapping for the oRPC handler's own responses. */
export function toORPCError(error: unknown, logger: Logger): ORPCError<string, unknown> {
  if (error instanceof ORPCError && error.code !== 'INTERNAL_SERVER_ERROR' && !hasIssues(error.data)) return error
  const wire = toWireError(error, logger)
  const data = wire.body.issues ? { issues: wire.body.issues } : undefined
  // The wire error rides along as the cause, so its headers (e.g. Retry-After) reach the response.
  return new ORPCError(wire.body.code, { status: wire.status, message: wire.body.message, data, cause: wire })
}

function hasIssues(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Array.isArray((data as { issues?: unknown }).issues)
}
