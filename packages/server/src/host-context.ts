import type { Kysely } from 'kysely'
import type { Identity } from './identity.ts'
import type { Logger } from './logger.ts'

/** The initial context the host hands to every procedure call. */
export interface HostContext {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly db: Kysely<any>
  readonly requestId: string
  readonly logger: Logger
  /** The caller, authenticated once for the request. */
  readonly identity: Identity
  /** True inside a transaction the host opened for the whole request. */
  readonly inTransaction?: boolean
}
