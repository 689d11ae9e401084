import type { Kysely } from 'kysely'
import type { AuthRequest } from './authenticator.ts'
import type { Identity } from './identity.ts'
import type { Logger } from './logger.ts'
import type { RequestRecord } from './request-record.ts'

/** The initial context the host hands to every procedure call. */
export interface HostContext {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly db: Kysely<any>
  readonly requestId: string
  readonly logger: Logger
  /** Set when the caller was already authenticated (JSON endpoint). */
  readonly identity?: Identity
  /** The request's credential, when `identity` is not yet known. */
  readonly authRequest?: AuthRequest
  /** True when the JSON endpoint already authorized this call (rules and input ids). */
  readonly preauthorized?: boolean
  /** True inside a transaction the host opened for the whole request. */
  readonly inTransaction?: boolean
  /** Headers the procedure layer wants on the response (e.g. WWW-Authenticate). */
  readonly responseHeaders: Headers
  /** The HTTP request's record, for the access log and metrics (unset for in-process calls). */
  readonly record?: RequestRecord
}
