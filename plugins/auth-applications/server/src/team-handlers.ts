import { authApplicationsContract, type Team } from '@checkpost/auth-applications-contract'
import { implementPlugin, orNotFound, type PluginContext, type PluginDeps } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { assertMayActOnApplication, assertMayActOnUser, assertMayJoinTeam } from './escalation-checks.ts'
import { createGrantHandlers } from './grant-handlers.ts'
import type { AuthApplicationsTables } from './tables.ts'
import { findTeam, listTeams } from './team-repository.ts'
import { changeMembership, createTeam, deleteTeam, updateTeam } from './team-service.ts'

const target = (team: Pick<Team, 'id' | 'name'>) => ({ type: 'team', id: team.id, name: team.name })
const memberOf = (input: { applicationId?: string; userId?: string }) =>
  input.userId !== undefined ? { kind: 'user', id: input.userId } : { kind: 'application', id: input.applicationId }

/** The team procedures (and, through grant-handlers, resource grants), each change audited. */
export function createTeamHandlers(deps: Pick<PluginDeps, 'clock' | 'resourceTypes' | 'memberKinds'>) {
  const os = implementPlugin<AuthApplicationsTables>()(authApplicationsContract)
  const now = () => deps.clock.now().toISOString()
  const db = (context: PluginContext) => context.db as Kysely<AuthApplicationsTables>
  return {
    getTeams: os.getTeams.handler(async ({ context, input }) => ({
      teams: await listTeams(db(context), input.applicationId ? { kind: 'application', id: input.applicationId } : undefined),
    })),
    getTeam: os.getTeam.handler(async ({ context, input }) => orNotFound(await findTeam(db(context), input.teamId), 'Team')),
    createTeam: os.createTeam.handler(async ({ context, input }) => {
      const team = await createTeam(db(context), input, now())
      await context.audit({ action: 'team.created', target: target(team), changes: { name: team.name, description: team.description } })
      return team
    }),
    updateTeam: os.updateTeam.handler(async ({ context, input }) => {
      const { teamId, ...changes } = input
      const team = orNotFound(await updateTeam(db(context), input, now()), 'Team')
      await context.audit({ action: 'team.updated', target: target(team), changes })
      return team
    }),
    deleteTeam: os.deleteTeam.handler(async ({ context, input }) => {
      const team = orNotFound(await findTeam(db(context), input.teamId), 'Team')
      await deleteTeam(db(context), input.teamId)
      await context.audit({ action: 'team.deleted', target: target(team) })
      return { success: true as const }
    }),
    addTeamMember: os.addTeamMember.handler(async ({ context, input }) => {
      if (input.userId !== undefined) await assertMayActOnUser(context, input.userId, deps.memberKinds.get('user'))
      else await assertMayActOnApplication(context, input.applicationId ?? '')
      await assertMayJoinTeam(context, input.teamId)
      const team = orNotFound(await changeMembership(db(context), { ...input, remove: false }, deps.memberKinds), 'Team')
      await context.audit({ action: 'team.member_added', target: target(team), changes: { member: memberOf(input) } })
      return team
    }),
    removeTeamMember: os.removeTeamMember.handler(async ({ context, input }) => {
      const team = orNotFound(await changeMembership(db(context), { ...input, remove: true }, deps.memberKinds), 'Team')
      await context.audit({ action: 'team.member_removed', target: target(team), changes: { member: memberOf(input) } })
      return team
    }),
    ...createGrantHandlers(deps),
  }
}
