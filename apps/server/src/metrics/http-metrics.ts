import type { FinishedRequest, RequestObserver } from '@checkpost/server'
import { Counter, Histogram, type Registry } from 'prom-client'

/** Latency buckets in seconds: the hot path answers in well under a millisecond. */
const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * The request observer behind `checkpost_http_requests_total{plugin,procedure,status}`,
 * `checkpost_http_request_duration_seconds{plugin,procedure}` and
 * `checkpost_auth_failures_total{reason}`. Labels stay bounded: only mounted
 * plugins and their known procedures appear (`none` otherwise, `batch` for several).
 */
export function createHttpMetrics(registry: Registry): RequestObserver {
  const requests = new Counter({
    name: 'checkpost_http_requests_total',
    help: 'HTTP requests answered, by plugin, procedure and status',
    labelNames: ['plugin', 'procedure', 'status'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'checkpost_http_request_duration_seconds',
    help: 'Time from request to response headers, by plugin and procedure',
    labelNames: ['plugin', 'procedure'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  })
  const authFailures = new Counter({
    name: 'checkpost_auth_failures_total',
    help: 'Refused credentials, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  return {
    requestFinished({ record, status, durationMs }: FinishedRequest) {
      const plugin = record.plugin ?? 'none'
      const procedures = record.procedures
      const procedure = procedures === undefined || procedures.length === 0 ? 'none' : procedures.length === 1 ? procedures[0]! : 'batch'
      requests.labels(plugin, procedure, String(status)).inc()
      duration.labels(plugin, procedure).observe(durationMs / 1000)
      if (record.authFailure !== undefined) authFailures.labels(record.authFailure).inc()
    },
  }
}
