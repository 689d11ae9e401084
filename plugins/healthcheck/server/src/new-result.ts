import type { ResultStatus } from '@checkpost/healthcheck-contract'

/** A result ready to store. */
export interface NewResult {
  readonly checkId: string
  readonly status: ResultStatus
  readonly latencyMs: number | null
  readonly message: string | null
  readonly observedAt: string
}
