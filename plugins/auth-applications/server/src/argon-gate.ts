/** Settings of the gate in front of argon2 verification. */
export interface ArgonGateOptions {
  /** Verifications running at once (default 2). */
  readonly concurrency?: number
  /** Verifications allowed to wait; beyond this, callers are told to retry (default 256). */
  readonly maxQueued?: number
  /** Failed verifications per application per window before it is throttled (default 10). */
  readonly maxFailures?: number
  /** Throttle window in ms (default 10 s). */
  readonly windowMs?: number
}

/** Why the gate refused to run a verification. */
export type GateRefusal = { readonly reason: 'throttled' | 'busy'; readonly retryAfterSeconds: number }

interface FailureWindow {
  start: number
  count: number
}

const MAX_TRACKED_APPLICATIONS = 10_000

/**
 * Bounds argon2 work so a flood of wrong secrets cannot starve valid callers:
 * a concurrency cap with a bounded queue, and a per-application failure
 * throttle. Valid callers whose key is already verified never reach the gate.
 */
export function createArgonGate(options: ArgonGateOptions = {}, now: () => number = Date.now) {
  const concurrency = options.concurrency ?? 2
  const maxQueued = options.maxQueued ?? 256
  const maxFailures = options.maxFailures ?? 10
  const windowMs = options.windowMs ?? 10_000
  const failures = new Map<string, FailureWindow>()
  const waiting: Array<() => void> = []
  let running = 0

  function refusalFor(applicationId: string): GateRefusal | undefined {
    const window = failures.get(applicationId)
    if (window && now() - window.start < windowMs && window.count >= maxFailures) {
      return { reason: 'throttled', retryAfterSeconds: Math.ceil((window.start + windowMs - now()) / 1000) }
    }
    if (running >= concurrency && waiting.length >= maxQueued) return { reason: 'busy', retryAfterSeconds: 1 }
    return undefined
  }

  function recordFailure(applicationId: string): void {
    const window = failures.get(applicationId)
    if (!window || now() - window.start >= windowMs) {
      if (failures.size >= MAX_TRACKED_APPLICATIONS) failures.delete(failures.keys().next().value as string)
      failures.set(applicationId, { start: now(), count: 1 })
    } else {
      window.count++
    }
  }

  async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await work()
    } finally {
      running--
      waiting.shift()?.()
    }
  }

  return {
    refusalFor,
    recordFailure,
    clearFailures: (applicationId: string) => failures.delete(applicationId),
    run,
  }
}

export type ArgonGate = ReturnType<typeof createArgonGate>
