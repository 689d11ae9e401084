/** Request limits of the JSON endpoint (and the body limit of the per-procedure one). */
export interface HostLimits {
  /** Largest accepted body in bytes (default 1 MiB). */
  readonly maxBodyBytes: number
  /** Most keys in one JSON batch (default 100). */
  readonly maxBatchKeys: number
  /** Deepest nesting of objects and arrays in a JSON body (default 64). */
  readonly maxJsonDepth: number
}

export const DEFAULT_LIMITS: HostLimits = { maxBodyBytes: 1024 * 1024, maxBatchKeys: 100, maxJsonDepth: 64 }

/** Fills defaults and refuses nonsense at startup. */
export function resolveLimits(limits: Partial<HostLimits> = {}): HostLimits {
  const resolved = { ...DEFAULT_LIMITS, ...limits }
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`Limit ${name} must be a positive integer, got ${value}`)
  }
  return resolved
}
