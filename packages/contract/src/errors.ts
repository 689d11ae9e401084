/** Error codes on the wire, with their HTTP status (DESIGN.md error table). */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** One input problem: where and what. */
export interface ErrorIssue {
  path: string
  message: string
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode
  message: string
  procedure?: string
  issues?: ErrorIssue[]
}

/** Domain error codes a repository or service may throw; the host maps them to the wire. */
export type DomainErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST' | 'FORBIDDEN'

/**
 * A rule violation raised below the transport layer (repositories, services).
 * The host turns it into the matching wire error; its message is shown to the caller.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode
  /** Which input fields are wrong, for a BAD_REQUEST only the service can judge (e.g. a time in the past). */
  readonly issues?: ErrorIssue[]
  constructor(code: DomainErrorCode, message: string, options?: ErrorOptions & { issues?: ErrorIssue[] }) {
    super(message, options)
    this.name = 'DomainError'
    this.code = code
    if (options?.issues) this.issues = options.issues
  }
}

/** Type guard for `DomainError`. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}
