import type { MemberKind, PluginContext } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { grantsOfTeams } from './grant-repository.ts'
import { findRole, rulesOfApplication, rulesOfRoles } from './role-repository.ts'
import type { AuthApplicationsTables } from './tables.ts'
import { teamIdsOfApplications } from './team-repository.ts'

type Context = Pick<PluginContext, 'db' | 'escalation'>
const dbOf = (context: Context) => context.db as Kysely<AuthApplicationsTables>

/** Rule 3: the caller holds every rule and reaches every team grant of the application. Unknown ids pass (the handler answers 404). */
export async function assertMayActOnApplication(context: Context, applicationId: string): Promise<void> {
  const db = dbOf(context)
  const [rules, teams] = await Promise.all([rulesOfApplication(db, applicationId), teamIdsOfApplications(db, [applicationId])])
  const grants = await grantsOfTeams(db, teams.get(applicationId) ?? [])
  context.escalation.assertNotStronger({ rules, grants })
}

/** Rule 2: the caller holds every rule of every role given. */
export async function assertMayGiveRoles(context: Context, roleIds: readonly string[]): Promise<void> {
  context.escalation.assertHoldsRules(await rulesOfRoles(dbOf(context), roleIds))
}

/** Rule 1: the caller holds every rule of the role as it is and as it will be. */
export async function assertMayEditRole(context: Context, roleId: string, accessRules: readonly string[] | undefined): Promise<void> {
  const role = await findRole(dbOf(context), roleId)
  context.escalation.assertHoldsRules([...(role?.accessRules ?? []), ...(accessRules ?? [])])
}

/** Rule 5: before anyone joins the team, the caller reaches every grant the team holds. */
export async function assertMayJoinTeam(context: Context, teamId: string): Promise<void> {
  context.escalation.assertReachesGrants(await grantsOfTeams(dbOf(context), [teamId]))
}

/** Rule 3 for a user (a member kind another plugin owns). Unknown ids pass (the handler answers 404). */
export async function assertMayActOnUser(context: Context, userId: string, users: MemberKind | undefined): Promise<void> {
  const roleIds = await users?.roleIdsOf(context.db, userId)
  if (!roleIds) return
  const db = dbOf(context)
  const [rules, teams] = await Promise.all([
    rulesOfRoles(db, roleIds),
    db.selectFrom('auth_applications_team_members').select('team_id').where('member_kind', '=', 'user').where('member_id', '=', userId).execute(),
  ])
  const grants = await grantsOfTeams(db, teams.map((row) => row.team_id))
  context.escalation.assertNotStronger({ rules, grants })
}
