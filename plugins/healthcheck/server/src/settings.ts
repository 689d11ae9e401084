import { intSetting, type Settings } from '@checkpost/server'

/** The plugin's settings, read from the host's environment-style settings. */
export interface HealthcheckSettings {
  readonly tickMs: number
  readonly retentionDays: number
  readonly retentionEveryMs: number
  /** Http probes one process runs at once, in all and per target host. */
  readonly maxProbes: number
  readonly maxProbesPerTarget: number
}

/** Reads CHECKPOST_HEALTHCHECK_* settings; a bad value fails startup with its name. */
export function readHealthcheckSettings(settings: Settings): HealthcheckSettings {
  return {
    tickMs: intSetting(settings, 'CHECKPOST_HEALTHCHECK_TICK_MS', { fallback: 1000 }),
    retentionDays: intSetting(settings, 'CHECKPOST_HEALTHCHECK_RETENTION_DAYS', { fallback: 30 }),
    retentionEveryMs: intSetting(settings, 'CHECKPOST_HEALTHCHECK_RETENTION_EVERY_MS', { fallback: 3_600_000 }),
    maxProbes: intSetting(settings, 'CHECKPOST_HEALTHCHECK_MAX_PROBES', { fallback: 100 }),
    maxProbesPerTarget: intSetting(settings, 'CHECKPOST_HEALTHCHECK_MAX_PROBES_PER_TARGET', { fallback: 10 }),
  }
}
