import { DomainError } from '@checkpost/contract'

const DAY_MS = 86_400_000

/** How long keys may live: CHECKPOST_MAX_KEY_LIFETIME_DAYS, when set, makes expiresAt mandatory. */
export interface KeyExpiryPolicy {
  readonly maxLifetimeDays?: number
}

/** Reads CHECKPOST_MAX_KEY_LIFETIME_DAYS (whole days, 1–3650); throws at startup for a bad value. */
export function readKeyExpiryPolicy(settings: Readonly<Record<string, string | undefined>>): KeyExpiryPolicy {
  const raw = settings.CHECKPOST_MAX_KEY_LIFETIME_DAYS
  if (raw === undefined || raw === '') return {}
  const days = Number(raw)
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new Error(`CHECKPOST_MAX_KEY_LIFETIME_DAYS must be a whole number of days from 1 to 3650, got "${raw}"`)
  }
  return { maxLifetimeDays: days }
}

/**
 * Refuses an expiry that is past, or missing or too far out when the policy
 * caps key lifetimes. `expiresAt` undefined means "not being set" on update
 * (`creating` false) and "never" on create.
 */
export function checkExpiry(
  expiresAt: string | null | undefined,
  context: { now: Date; creating: boolean; policy: KeyExpiryPolicy },
): void {
  const { now, policy } = context
  if (expiresAt !== undefined && expiresAt !== null && Date.parse(expiresAt) <= now.getTime()) {
    throw badExpiry('must be in the future')
  }
  if (policy.maxLifetimeDays === undefined) return
  const rule = `CHECKPOST_MAX_KEY_LIFETIME_DAYS is ${policy.maxLifetimeDays}`
  if (expiresAt === null || (expiresAt === undefined && context.creating)) {
    throw badExpiry(`is required (${rule})`)
  }
  if (expiresAt !== undefined && Date.parse(expiresAt) > now.getTime() + policy.maxLifetimeDays * DAY_MS) {
    throw badExpiry(`must be within ${policy.maxLifetimeDays} days from now (${rule})`)
  }
}

function badExpiry(message: string): DomainError {
  return new DomainError('BAD_REQUEST', `expiresAt ${message}`, { issues: [{ path: 'expiresAt', message }] })
}
