/** Limits on probes running at once in one process. */
export interface ProbeLimits {
  /** All probes (default 100). */
  readonly total: number
  /** Probes to one target host:port (default 10), so a slow target cannot take every slot. */
  readonly perTarget: number
}

/**
 * Probe slots, shared fairly: a bounded total, and a bounded share per target
 * (`host:port` of the URL), so checks on a slow or hanging endpoint wait for
 * their own share while other targets' checks keep their intervals.
 */
export function createProbeSlots(limits: ProbeLimits) {
  const perTarget = new Map<string, number>()
  let total = 0
  return {
    /** Free slots in all. */
    room: () => limits.total - total,
    /** True when a probe of `url` may start now. */
    canStart: (url: string) => total < limits.total && (perTarget.get(targetOf(url)) ?? 0) < limits.perTarget,
    /** Takes a slot for `url`; returns its release. */
    take(url: string): () => void {
      const target = targetOf(url)
      total++
      perTarget.set(target, (perTarget.get(target) ?? 0) + 1)
      return () => {
        total--
        const left = (perTarget.get(target) ?? 1) - 1
        if (left === 0) perTarget.delete(target)
        else perTarget.set(target, left)
      }
    },
  }
}

export type ProbeSlots = ReturnType<typeof createProbeSlots>

function targetOf(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return url
  }
}
