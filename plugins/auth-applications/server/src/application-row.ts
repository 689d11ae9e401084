import type { Application, RateLimit } from '@checkpost/auth-applications-contract'
import type { Selectable } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'

type ApplicationRow = Selectable<AuthApplicationsTables['auth_applications_applications']>

/** Columns an application shows; never the secret hashes. */
export const PUBLIC_COLUMNS = [
  'id',
  'name',
  'description',
  'created_at',
  'created_by',
  'last_used_at',
  'last_used_ip',
  'expires_at',
  'previous_secret_expires_at',
  'rate_limit_requests',
  'rate_limit_window_seconds',
  'allowed_ips',
] as const

/** A stored row with what it may show. */
export type PublicApplicationRow = Pick<ApplicationRow, (typeof PUBLIC_COLUMNS)[number]>

/** The row's rate limit, or null for none. */
export function rateLimitOf(row: Pick<ApplicationRow, 'rate_limit_requests' | 'rate_limit_window_seconds'>): RateLimit | null {
  if (row.rate_limit_requests === null || row.rate_limit_window_seconds === null) return null
  return { requests: Number(row.rate_limit_requests), windowSeconds: Number(row.rate_limit_window_seconds) }
}

/** The row's allowed addresses, or null for any. */
export function allowedIpsOf(row: Pick<ApplicationRow, 'allowed_ips'>): string[] | null {
  return row.allowed_ips === null ? null : (JSON.parse(row.allowed_ips) as string[])
}

/** The wire shape of an application. */
export function toApplication(row: PublicApplicationRow, roles: string[], teams: string[]): Application {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    roles,
    teams,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    lastUsedIp: row.last_used_ip,
    expiresAt: row.expires_at,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    rateLimit: rateLimitOf(row),
    allowedIps: allowedIpsOf(row),
  }
}

/** Key settings as a caller changes them; undefined leaves a setting as it is, null clears it. */
export interface KeySettingsPatch {
  readonly expiresAt?: string | null
  readonly rateLimit?: RateLimit | null
  readonly allowedIps?: readonly string[] | null
}

/** The columns a key-settings patch writes. */
export function keySettingColumns(patch: KeySettingsPatch) {
  return {
    expires_at: patch.expiresAt,
    rate_limit_requests: patch.rateLimit === undefined ? undefined : (patch.rateLimit?.requests ?? null),
    rate_limit_window_seconds: patch.rateLimit === undefined ? undefined : (patch.rateLimit?.windowSeconds ?? null),
    allowed_ips: patch.allowedIps === undefined ? undefined : patch.allowedIps === null ? null : JSON.stringify(patch.allowedIps),
  }
}
