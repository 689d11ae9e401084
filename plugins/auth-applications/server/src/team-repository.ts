import type { Team } from '@checkpost/auth-applications-contract'
import { foldName } from '@checkpost/contract'
import { groupRows } from '@checkpost/db'
import type { Kysely, Selectable } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'

type Db = Kysely<AuthApplicationsTables>
type TeamRow = Selectable<AuthApplicationsTables['auth_applications_teams']>
type MemberKind = Team['members'][number]['kind']

async function membersOf(db: Db, teamIds: readonly string[]): Promise<Map<string, Team['members']>> {
  if (teamIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('auth_applications_team_members')
    .selectAll()
    .where('team_id', 'in', [...teamIds])
    .orderBy('member_kind')
    .orderBy('member_id')
    .execute()
  return groupRows(rows, (row) => row.team_id, (row) => ({ kind: row.member_kind as MemberKind, id: row.member_id }))
}

function toTeams(rows: TeamRow[], members: Map<string, Team['members']>): Team[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    members: members.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }))
}

/** Teams with their members, by name; only those of one member when given. */
export async function listTeams(db: Db, member?: { kind: MemberKind; id: string }): Promise<Team[]> {
  let query = db.selectFrom('auth_applications_teams').selectAll().orderBy('name')
  if (member) {
    const ids = db
      .selectFrom('auth_applications_team_members')
      .select('team_id')
      .where('member_kind', '=', member.kind)
      .where('member_id', '=', member.id)
    query = query.where('id', 'in', ids)
  }
  const rows = await query.execute()
  return toTeams(rows, await membersOf(db, rows.map((r) => r.id)))
}

export async function findTeam(db: Db, id: string): Promise<Team | undefined> {
  const rows = await db.selectFrom('auth_applications_teams').selectAll().where('id', '=', id).execute()
  return toTeams(rows, await membersOf(db, [id]))[0]
}

export async function findTeamIdByName(db: Db, name: string): Promise<string | undefined> {
  const folded = foldName(name) // "Café" and "CAFE\u0301" are one name
  return (await db.selectFrom('auth_applications_teams').select('id').where('name_folded', '=', folded).executeTakeFirst())?.id
}

export async function insertTeam(db: Db, team: { id: string; name: string; description: string | null; at: string }) {
  await db
    .insertInto('auth_applications_teams')
    .values({
      id: team.id,
      name: team.name,
      name_folded: foldName(team.name),
      description: team.description,
      created_at: team.at,
      updated_at: team.at,
    })
    .execute()
}

/** Applies a partial update and touches updatedAt; false when the team does not exist. */
export async function updateTeamRow(db: Db, id: string, patch: { name?: string; description?: string | null; at: string }) {
  const result = await db
    .updateTable('auth_applications_teams')
    .set({
      name: patch.name,
      name_folded: patch.name === undefined ? undefined : foldName(patch.name),
      description: patch.description,
      updated_at: patch.at,
    })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Deletes a team; its memberships and grants cascade. */
export async function deleteTeamRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('auth_applications_teams').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function addMember(db: Db, teamId: string, member: { kind: MemberKind; id: string }): Promise<void> {
  await db
    .insertInto('auth_applications_team_members')
    .values({ team_id: teamId, member_kind: member.kind, member_id: member.id })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function removeMember(db: Db, teamId: string, member: { kind: MemberKind; id: string }): Promise<void> {
  await db
    .deleteFrom('auth_applications_team_members')
    .where('team_id', '=', teamId)
    .where('member_kind', '=', member.kind)
    .where('member_id', '=', member.id)
    .execute()
}

/** Removes an identity from every team (when it is deleted). */
export async function removeFromAllTeams(db: Db, member: { kind: MemberKind; id: string }): Promise<void> {
  await db
    .deleteFrom('auth_applications_team_members')
    .where('member_kind', '=', member.kind)
    .where('member_id', '=', member.id)
    .execute()
}

/** Team ids of each application among `applicationIds`. */
export async function teamIdsOfApplications(db: Db, applicationIds: readonly string[]): Promise<Map<string, string[]>> {
  if (applicationIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('auth_applications_team_members')
    .select(['member_id', 'team_id'])
    .where('member_kind', '=', 'application')
    .where('member_id', 'in', [...applicationIds])
    .orderBy('team_id')
    .execute()
  return groupRows(rows, (row) => row.member_id, (row) => row.team_id)
}
