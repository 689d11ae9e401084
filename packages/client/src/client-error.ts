import type { ErrorBody, ErrorCode, ErrorIssue } from '@checkpost/contract'

/** An error answer of the JSON endpoint, as thrown by the batch client. */
export class CheckpostClientError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly procedure?: string
  readonly issues?: ErrorIssue[]
  readonly requestId?: string
  constructor(status: number, body: ErrorBody, requestId?: string) {
    super(body.message)
    this.name = 'CheckpostClientError'
    this.status = status
    this.code = body.code
    this.procedure = body.procedure
    this.issues = body.issues
    this.requestId = requestId
  }
}
