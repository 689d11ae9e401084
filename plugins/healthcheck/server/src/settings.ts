/** The plugin's settings, read from the host's environment-style settings. */
export interface HealthcheckSettings {
  readonly tickMs: number
  readonly retentionDays: number
  readonly retentionEveryMs: number
  /** Http probes one process runs at once, in all and per target host. */
  readonly maxProbes: number
  readonly maxProbesPerTarget: number
}

type Settings = Readonly<Record<string, string | undefined>>

/** Reads CHECKPOST_HEALTHCHECK_* settings; a bad value fails startup with its name. */
export function readHealthcheckSettings(settings: Settings): HealthcheckSettings {
  return {
    tickMs: positive(settings, 'CHECKPOST_HEALTHCHECK_TICK_MS', 1000),
    retentionDays: positive(settings, 'CHECKPOST_HEALTHCHECK_RETENTION_DAYS', 30),
    retentionEveryMs: positive(settings, 'CHECKPOST_HEALTHCHECK_RETENTION_EVERY_MS', 3_600_000),
    maxProbes: positive(settings, 'CHECKPOST_HEALTHCHECK_MAX_PROBES', 100),
    maxProbesPerTarget: positive(settings, 'CHECKPOST_HEALTHCHECK_MAX_PROBES_PER_TARGET', 10),
  }
}

function positive(settings: Settings, name: string, fallback: number): number {
  const raw = settings[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}
