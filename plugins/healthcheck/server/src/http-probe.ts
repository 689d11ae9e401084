import type { ResultStatus } from '@checkpost/healthcheck-contract'

/** What one probe saw. */
export interface ProbeOutcome {
  readonly status: ResultStatus
  readonly latencyMs: number
  readonly message: string
}

/**
 * One HTTP GET: healthy when the answer has the expected status, unhealthy on
 * another status, a timeout or a connection error. The body is never read.
 */
export async function probeHttp(target: { url: string; expectedStatus: number; timeoutMs: number }): Promise<ProbeOutcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  try {
    const response = await fetch(target.url, { signal: AbortSignal.timeout(target.timeoutMs), redirect: 'manual' })
    await response.body?.cancel()
    const ok = response.status === target.expectedStatus
    const message = ok ? `HTTP ${response.status}` : `HTTP ${response.status}, expected ${target.expectedStatus}`
    return { status: ok ? 'healthy' : 'unhealthy', latencyMs: elapsed(), message }
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError'
    const reason = timedOut ? `no answer within ${target.timeoutMs} ms` : describe(error)
    return { status: 'unhealthy', latencyMs: elapsed(), message: reason }
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
}
