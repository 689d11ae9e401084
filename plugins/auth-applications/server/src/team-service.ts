import { randomUUID } from 'node:crypto'
import type { Team } from '@checkpost/auth-applications-contract'
import { DomainError } from '@checkpost/contract'
import type { MemberKind, ResourceTypeDefinition } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { bumpAccessVersion } from './access-version.ts'
import { findApplication } from './application-repository.ts'
import { deleteGrants, listGrants, setTeamOnly, upsertGrant, type GrantRow, type ResourceRef } from './grant-repository.ts'
import {
  addMember,
  deleteTeamRow,
  findTeam,
  findTeamIdByName,
  insertTeam,
  removeMember,
  updateTeamRow,
} from './team-repository.ts'
import type { AuthApplicationsTables } from './tables.ts'

type Db = Kysely<AuthApplicationsTables>

export async function createTeam(db: Db, input: { name: string; description?: string }, at: string): Promise<Team> {
  await assertTeamNameFree(db, input.name, undefined)
  const id = randomUUID()
  await insertTeam(db, { id, name: input.name, description: input.description ?? null, at })
  return (await findTeam(db, id))!
}

export async function updateTeam(
  db: Db,
  { teamId, ...patch }: { teamId: string; name?: string; description?: string | null },
  at: string,
): Promise<Team | undefined> {
  if (patch.name !== undefined) await assertTeamNameFree(db, patch.name, teamId)
  if (!(await updateTeamRow(db, teamId, { ...patch, at }))) return undefined
  return findTeam(db, teamId)
}

/** Deletes a team; its memberships and grants go with it. */
export async function deleteTeam(db: Db, teamId: string): Promise<boolean> {
  if (!(await deleteTeamRow(db, teamId))) return false
  await bumpAccessVersion(db)
  return true
}

/** A team member as named in the input: an application or a user. */
export interface MemberInput {
  readonly teamId: string
  readonly applicationId?: string | undefined
  readonly userId?: string | undefined
}

/** Adds or removes an application or a user; 404 for an unknown team or member. */
export async function changeMembership(
  db: Db,
  input: MemberInput & { remove: boolean },
  memberKinds: ReadonlyMap<string, MemberKind>,
): Promise<Team | undefined> {
  if (!(await findTeam(db, input.teamId))) return undefined
  const member = await existingMember(db, input, memberKinds)
  if (input.remove) await removeMember(db, input.teamId, member)
  else await addMember(db, input.teamId, member)
  await bumpAccessVersion(db)
  return findTeam(db, input.teamId)
}

async function existingMember(db: Db, input: MemberInput, memberKinds: ReadonlyMap<string, MemberKind>) {
  if (input.userId !== undefined) {
    const users = memberKinds.get('user')
    if (!users || !(await users.roleIdsOf(db, input.userId))) throw new DomainError('NOT_FOUND', 'User not found')
    return { kind: 'user' as const, id: input.userId }
  }
  const applicationId = input.applicationId ?? ''
  if (!(await findApplication(db, applicationId))) throw new DomainError('NOT_FOUND', 'Application not found')
  return { kind: 'application' as const, id: applicationId }
}

/** Grants read or manage (or, with neither, removes the grant) of one team on one instance. */
export async function setResourceTeamAccess(
  db: Db,
  input: ResourceRef & { teamId: string; canRead?: boolean; canManage?: boolean },
  resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>,
): Promise<GrantRow> {
  assertGrantableType(input.resourceType, resourceTypes)
  if (input.canManage && input.canRead === false) throw new DomainError('BAD_REQUEST', 'canManage implies canRead')
  const team = await findTeam(db, input.teamId)
  if (!team) throw new DomainError('NOT_FOUND', 'Team not found')
  const canRead = input.canManage === true || input.canRead !== false
  if (canRead) await upsertGrant(db, { ...input, canManage: input.canManage === true })
  else await deleteGrants(db, input)
  await bumpAccessVersion(db)
  return { ...input, teamName: team.name, canRead, canManage: input.canManage === true }
}

export async function removeResourceTeamAccess(db: Db, input: ResourceRef & { teamId?: string }): Promise<number> {
  const removed = await deleteGrants(db, input)
  if (removed > 0) await bumpAccessVersion(db)
  return removed
}

export async function setResourceAccessSettings(
  db: Db,
  input: ResourceRef & { teamOnly: boolean },
  resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>,
): Promise<ResourceRef & { teamOnly: boolean }> {
  assertGrantableType(input.resourceType, resourceTypes)
  await setTeamOnly(db, input)
  await bumpAccessVersion(db)
  return input
}

export { listGrants }

/** Grants live on root types; child types (a health check) follow their parent (a system). */
export function assertGrantableType(type: string, resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>): void {
  const definition = resourceTypes.get(type)
  if (!definition) {
    const known = [...resourceTypes.values()].filter((t) => !t.parentType).map((t) => t.type)
    throw new DomainError('BAD_REQUEST', `Unknown resource type "${type}" (known: ${known.join(', ')})`)
  }
  if (definition.parentType) {
    throw new DomainError('BAD_REQUEST', `${type} follows ${definition.parentType}; grant access on the ${definition.parentType} instead`)
  }
}

async function assertTeamNameFree(db: Db, name: string, exceptId: string | undefined): Promise<void> {
  const holder = await findTeamIdByName(db, name)
  if (holder !== undefined && holder !== exceptId) throw new DomainError('CONFLICT', `A team named "${name}" already exists`)
}
