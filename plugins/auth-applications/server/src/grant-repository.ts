import { fromDbBool, toDbBool } from '@checkpost/db'
import type { ResourceGrant } from '@checkpost/server'
import type { Kysely } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'

type Db = Kysely<AuthApplicationsTables>

export interface ResourceRef {
  readonly resourceType: string
  readonly resourceId: string
}

export interface GrantRow extends ResourceRef {
  readonly teamId: string
  readonly teamName: string
  readonly canRead: boolean
  readonly canManage: boolean
}

/** Grants on one resource instance (optionally one team's), with team names. */
export async function listGrants(db: Db, ref: ResourceRef & { teamId?: string }): Promise<GrantRow[]> {
  let query = db
    .selectFrom('auth_applications_resource_grants as g')
    .innerJoin('auth_applications_teams as t', 't.id', 'g.team_id')
    .select(['g.resource_type', 'g.resource_id', 'g.team_id', 't.name', 'g.can_manage'])
    .where('g.resource_type', '=', ref.resourceType)
    .where('g.resource_id', '=', ref.resourceId)
    .orderBy('t.name')
  if (ref.teamId) query = query.where('g.team_id', '=', ref.teamId)
  const rows = await query.execute()
  return rows.map((row) => ({
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    teamId: row.team_id,
    teamName: row.name,
    canRead: true,
    canManage: fromDbBool(row.can_manage),
  }))
}

/** Creates or replaces one team's grant on a resource instance. */
export async function upsertGrant(db: Db, grant: ResourceRef & { teamId: string; canManage: boolean }): Promise<void> {
  await db
    .insertInto('auth_applications_resource_grants')
    .values({
      resource_type: grant.resourceType,
      resource_id: grant.resourceId,
      team_id: grant.teamId,
      can_manage: toDbBool(grant.canManage),
    })
    .onConflict((oc) =>
      oc.columns(['resource_type', 'resource_id', 'team_id']).doUpdateSet({ can_manage: toDbBool(grant.canManage) }),
    )
    .execute()
}

/** Removes grants on an instance (one team's, or all); returns how many. */
export async function deleteGrants(db: Db, ref: ResourceRef & { teamId?: string }): Promise<number> {
  let query = db
    .deleteFrom('auth_applications_resource_grants')
    .where('resource_type', '=', ref.resourceType)
    .where('resource_id', '=', ref.resourceId)
  if (ref.teamId) query = query.where('team_id', '=', ref.teamId)
  return Number((await query.executeTakeFirst()).numDeletedRows)
}

export async function findTeamOnly(db: Db, ref: ResourceRef): Promise<boolean> {
  const row = await db
    .selectFrom('auth_applications_resource_settings')
    .select('team_only')
    .where('resource_type', '=', ref.resourceType)
    .where('resource_id', '=', ref.resourceId)
    .executeTakeFirst()
  return row ? fromDbBool(row.team_only) : false
}

/** Stores the team-only flag; `false` simply removes the setting. */
export async function setTeamOnly(db: Db, ref: ResourceRef & { teamOnly: boolean }): Promise<void> {
  await db
    .deleteFrom('auth_applications_resource_settings')
    .where('resource_type', '=', ref.resourceType)
    .where('resource_id', '=', ref.resourceId)
    .execute()
  if (!ref.teamOnly) return
  await db
    .insertInto('auth_applications_resource_settings')
    .values({ resource_type: ref.resourceType, resource_id: ref.resourceId, team_only: 1 })
    .execute()
}

/** Forgets every grant and setting of a deleted instance; true when something was removed. */
export async function forgetResource(db: Db, ref: ResourceRef): Promise<boolean> {
  const grants = await deleteGrants(db, ref)
  const settings = await db
    .deleteFrom('auth_applications_resource_settings')
    .where('resource_type', '=', ref.resourceType)
    .where('resource_id', '=', ref.resourceId)
    .executeTakeFirst()
  return grants > 0 || settings.numDeletedRows > 0n
}

/** Every grant held by any of `teamIds`, as levels. */
export async function grantsOfTeams(db: Db, teamIds: readonly string[]): Promise<ResourceGrant[]> {
  if (teamIds.length === 0) return []
  const rows = await db
    .selectFrom('auth_applications_resource_grants')
    .select(['resource_type', 'resource_id', 'can_manage'])
    .where('team_id', 'in', [...teamIds])
    .execute()
  return rows.map((row) => ({
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    level: fromDbBool(row.can_manage) ? ('manage' as const) : ('read' as const),
  }))
}
