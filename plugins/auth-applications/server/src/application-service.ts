import { randomUUID } from 'node:crypto'
import { BUILT_IN_ROLE_IDS, type Application, type ApplicationWithSecret } from '@checkpost/auth-applications-contract'
import { DomainError } from '@checkpost/contract'
import type { Clock } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { bumpAccessVersion } from './access-version.ts'
import {
  deleteApplicationRow,
  findApplication,
  insertApplication,
  replaceApplicationRoles,
  setSecretHash,
  updateApplicationRow,
} from './application-repository.ts'
import { formatKey, generateSecret } from './application-secret.ts'
import { existingRoleIds } from './role-repository.ts'
import { hashSecret } from './secret-hash.ts'
import type { AuthApplicationsTables } from './tables.ts'
import { removeFromAllTeams } from './team-repository.ts'

type Db = Kysely<AuthApplicationsTables>

export interface CreateApplicationCommand {
  readonly name: string
  readonly description?: string
  /** Roles to give; defaults to the built-in `applications` role. */
  readonly roleIds?: readonly string[]
  /** Who created it: an identity id, or `cli`. */
  readonly createdBy: string | null
}

/** Creates an application and returns it with its key — the only time the key is shown. */
export async function createApplication(db: Db, command: CreateApplicationCommand, clock: Clock): Promise<ApplicationWithSecret> {
  const roleIds = command.roleIds ?? [BUILT_IN_ROLE_IDS.applications]
  await assertRolesExist(db, roleIds)
  const id = randomUUID()
  const secret = generateSecret()
  await insertApplication(db, {
    id,
    name: command.name,
    description: command.description ?? null,
    secretHash: await hashSecret(secret),
    createdAt: clock.now().toISOString(),
    createdBy: command.createdBy,
  })
  await replaceApplicationRoles(db, id, roleIds)
  await bumpAccessVersion(db)
  const application = (await findApplication(db, id))!
  return { ...application, secret: formatKey(id, secret) }
}

/** Issues a new secret; the old one fails from the next request on. Undefined if unknown. */
export async function regenerateApplicationSecret(db: Db, id: string): Promise<ApplicationWithSecret | undefined> {
  const secret = generateSecret()
  if (!(await setSecretHash(db, id, await hashSecret(secret)))) return undefined
  await bumpAccessVersion(db)
  const application = (await findApplication(db, id))!
  return { ...application, secret: formatKey(id, secret) }
}

/** Renames or re-describes an application. Undefined if unknown. */
export async function updateApplication(
  db: Db,
  id: string,
  patch: { name?: string; description?: string | null },
): Promise<Application | undefined> {
  if (!(await updateApplicationRow(db, id, patch))) return undefined
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
