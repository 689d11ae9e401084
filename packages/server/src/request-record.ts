import type { Identity } from './identity.ts'

/**
 * What the host learns about one HTTP request while serving it, filled in by
 * the routes and read once at the end by the access log and the metrics.
 * One object per request; its fields are set in place.
 */
export interface RequestRecord {
  readonly requestId: string
  /** The mounted plugin addressed (unset for unknown plugins and other routes). */
  plugin: string | undefined
  /** Procedure names called, known ones only (a batch may hold several). */
  procedures: readonly string[] | undefined
  /** Who called, once authenticated. */
  identity: Pick<Identity, 'kind' | 'id'> | undefined
  /** Why authentication failed, when it did (a short, bounded label). */
  authFailure: string | undefined
}

/** A fresh record for a request. */
export function createRequestRecord(requestId: string): RequestRecord {
  return { requestId, plugin: undefined, procedures: undefined, identity: undefined, authFailure: undefined }
}
