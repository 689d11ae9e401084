/** Environment-style settings: `process.env`, or the host's `settings`. */
export type Settings = Readonly<Record<string, string | undefined>>

/** The whole numbers a setting accepts, and its value when unset or empty. */
export interface IntRange {
  readonly fallback: number
  /** Default 1. */
  readonly min?: number
  readonly max?: number
}

/**
 * Reads a whole-number setting; unset or empty gives `fallback`. Anything else
 * outside `min..max` fails startup with the setting's name and what it got.
 * @example intSetting(process.env, 'PORT', { fallback: 3000, min: 0, max: 65535 })
 * @throws Error `PORT must be a whole number from 0 to 65535, got "http"`
 */
export function intSetting(settings: Settings, name: string, { fallback, min = 1, max }: IntRange): number {
  const raw = settings[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    const range = max === undefined ? `≥ ${min}` : `from ${min} to ${max}`
    throw new Error(`${name} must be a whole number ${range}, got "${raw}"`)
  }
  return value
}
