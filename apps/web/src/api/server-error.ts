/** What the host answered when a call failed, with the request id to quote. */
export class ServerError extends Error {
  readonly status: number
  readonly code: string
  readonly requestId: string | undefined
  constructor(answer: { status: number; code: string; message: string; requestId: string | undefined }) {
    super(answer.message)
    this.name = 'ServerError'
    this.status = answer.status
    this.code = answer.code
    this.requestId = answer.requestId
  }
}

/** Builds a ServerError from an error response's status, JSON body and X-Request-Id. */
export function toServerError(status: number, body: unknown, requestId: string | undefined): ServerError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const code = typeof fields.code === 'string' ? fields.code : `HTTP_${status}`
  const message = typeof fields.message === 'string' && fields.message !== '' ? fields.message : `The server answered ${status}`
  return new ServerError({ status, code, message, requestId })
}

/** True when an error means the session is gone (sign in again). */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ServerError && error.status === 401
}

/** True when the server refused the call as asked (4xx): asking again the same way gets the same answer. */
export function isRefusal(error: unknown): boolean {
  return error instanceof ServerError && error.status >= 400 && error.status < 500
}
