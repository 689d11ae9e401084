import { randomUUID } from 'node:crypto'
import { BUILT_IN_ROLE_IDS, type Application, type ApplicationWithSecret } from '@checkpost/auth-applications-contract'
import { DomainError } from '@checkpost/contract'
import { systemClock, type Clock } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { bumpAccessVersion } from './access-version.ts'
import {
  deleteApplicationRow,
  dropPreviousSecret,
  findApplication,
  findKeyState,
  insertApplication,
  replaceApplicationRoles,
  rotateSecretHash,
  updateApplicationRow,
  type ApplicationPatch,
} from './application-repository.ts'
import type { KeySettingsPatch } from './application-row.ts'
import { newApplicationKey, secretOfKey } from './application-secret.ts'
import { checkExpiry, type KeyExpiryPolicy } from './key-expiry-policy.ts'
import { existingRoleIds } from './role-repository.ts'
import { hashSecret } from './secret-hash.ts'
import type { AuthApplicationsTables } from './tables.ts'
import { removeFromAllTeams } from './team-repository.ts'

type Db = Kysely<AuthApplicationsTables>

export interface CreateApplicationCommand extends KeySettingsPatch {
  readonly name: string
  readonly description?: string
  /** Roles to give; defaults to the built-in `applications` role. */
  readonly roleIds?: readonly string[]
  /** Who created it: an identity id, or `cli`. */
  readonly createdBy: string | null
  /** The lifetime policy in force (CHECKPOST_MAX_KEY_LIFETIME_DAYS); none by default. */
  readonly policy?: KeyExpiryPolicy
}

/** Creates an application and returns it with its key — the only time the key is shown. */
export async function createApplication(db: Db, command: CreateApplicationCommand, clock: Clock): Promise<ApplicationWithSecret> {
  const roleIds = command.roleIds ?? [BUILT_IN_ROLE_IDS.applications]
  checkExpiry(command.expiresAt, { now: clock.now(), creating: true, policy: command.policy ?? {} })
  await assertRolesExist(db, roleIds)
  const id = randomUUID()
  const key = newApplicationKey(id)
  await insertApplication(db, {
    id,
    name: command.name,
    description: command.description ?? null,
    secretHash: hashSecret(secretOfKey(key)),
    createdAt: clock.now().toISOString(),
    createdBy: command.createdBy,
    expiresAt: command.expiresAt,
    rateLimit: command.rateLimit,
    allowedIps: command.allowedIps,
  })
  await replaceApplicationRoles(db, id, roleIds)
  await bumpAccessVersion(db)
  const application = (await findApplication(db, id))!
  return { ...application, secret: key }
}

/** How a regenerate treats the secret it replaces. */
export interface RegenerateOptions {
  /** Seconds the replaced secret keeps working (0, the default: it fails on the next request). */
  readonly previousSecretValidForSeconds?: number
  readonly clock?: Clock
}

/**
 * Issues a new secret. The old one fails from the next request on, or keeps
 * working for the overlap asked for — never past the key's own expiresAt.
 * Undefined if the application is unknown.
 */
export async function regenerateApplicationSecret(
  db: Db,
  id: string,
  options: RegenerateOptions = {},
): Promise<ApplicationWithSecret | undefined> {
  const state = await findKeyState(db, id)
  if (!state) return undefined
  const now = (options.clock ?? systemClock).now().getTime()
  let overlapEnd = now + (options.previousSecretValidForSeconds ?? 0) * 1000
  if (state.expires_at !== null) overlapEnd = Math.min(overlapEnd, Date.parse(state.expires_at))
  const overlapping = overlapEnd > now
  const key = newApplicationKey(id)
  await rotateSecretHash(db, id, {
    secretHash: hashSecret(secretOfKey(key)),
    previousHash: overlapping ? state.secret_hash : null,
    previousExpiresAt: overlapping ? new Date(overlapEnd).toISOString() : null,
  })
  await bumpAccessVersion(db)
  const application = (await findApplication(db, id))!
  return { ...application, secret: key }
}

/** Ends a rotation overlap at once: only the current secret works. Undefined if unknown. */
export async function revokePreviousSecret(db: Db, id: string): Promise<Application | undefined> {
  if (!(await dropPreviousSecret(db, id))) return undefined
  await bumpAccessVersion(db)
  return findApplication(db, id)
}

/** Changes an application's name, description or key settings. Undefined if unknown. */
export async function updateApplication(
  db: Db,
  id: string,
  patch: ApplicationPatch & { readonly clock?: Clock; readonly policy?: KeyExpiryPolicy },
): Promise<Application | undefined> {
  const { clock = systemClock, policy = {}, ...changes } = patch
  checkExpiry(changes.expiresAt, { now: clock.now(), creating: false, policy })
  if (!(await updateApplicationRow(db, id, changes))) return undefined
  await bumpAccessVersion(db)
  return findApplication(db, id)
}

/** Deletes an application; false if unknown. */
export async function deleteApplication(db: Db, id: string): Promise<boolean> {
  if (!(await deleteApplicationRow(db, id))) return false
  await removeFromAllTeams(db, { kind: 'application', id })
  await bumpAccessVersion(db)
  return true
}

/** Gives an application exactly these roles. Undefined if the application is unknown. */
export async function setApplicationRoles(db: Db, id: string, roleIds: readonly string[]): Promise<Application | undefined> {
  if (!(await findApplication(db, id))) return undefined
  await assertRolesExist(db, roleIds)
  await replaceApplicationRoles(db, id, roleIds)
  await bumpAccessVersion(db)
  return findApplication(db, id)
}

async function assertRolesExist(db: Db, roleIds: readonly string[]): Promise<void> {
  const existing = await existingRoleIds(db, roleIds)
  const unknown = roleIds.find((id) => !existing.has(id))
  if (unknown !== undefined) throw new DomainError('BAD_REQUEST', `Unknown role "${unknown}"`)
}
