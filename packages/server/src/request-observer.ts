import type { RequestRecord } from './request-record.ts'

/** A finished request as observers see it: the record plus what the response said. */
export interface FinishedRequest {
  readonly record: RequestRecord
  readonly method: string
  readonly path: string
  readonly status: number
  readonly durationMs: number
}

/**
 * The host's seam for metrics: told once per finished request. The access log
 * is written by the host itself; an observer (e.g. Prometheus counters) must be
 * cheap and must not throw.
 */
export interface RequestObserver {
  requestFinished(request: FinishedRequest): void
}
