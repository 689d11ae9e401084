import { authApplicationsContract } from '@checkpost/auth-applications-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { assertMayActOnApplication, assertMayActOnUser, assertMayJoinTeam } from './escalation-checks.ts'
import { findTeamOnly } from './grant-repository.ts'
import { listTeams, findTeam } from './team-repository.ts'
import {
  assertGrantableType,
  changeMembership,
  createTeam,
  deleteTeam,
  listGrants,
  removeResourceTeamAccess,
  setResourceAccessSettings,
  setResourceTeamAccess,
  updateTeam,
} from './team-service.ts'

/** The team and resource-grant procedures of the auth-applications router. */
export function createTeamHandlers({ clock, resourceTypes, memberKinds }: Pick<PluginDeps, 'clock' | 'resourceTypes' | 'memberKinds'>) {
  const os = implementPlugin(authApplicationsContract)
  const now = () => clock.now().toISOString()
  return {
    getTeams: os.getTeams.handler(async ({ context, input }) => ({
      teams: await listTeams(context.db, input.applicationId ? { kind: 'application', id: input.applicationId } : undefined),
    })),
    getTeam: os.getTeam.handler(async ({ context, input }) => orNotFound(await findTeam(context.db, input.teamId), 'Team')),
    createTeam: os.createTeam.handler(({ context, input }) => createTeam(context.db, input, now())),
    updateTeam: os.updateTeam.handler(async ({ context, input }) => orNotFound(await updateTeam(context.db, input, now()), 'Team')),
    deleteTeam: os.deleteTeam.handler(async ({ context, input }) => {
      orNotFound(await deleteTeam(context.db, input.teamId), 'Team')
      return { success: true as const }
    }),
    addTeamMember: os.addTeamMember.handler(async ({ context, input }) => {
      if (input.userId !== undefined) await assertMayActOnUser(context, input.userId, memberKinds.get('user'))
      else await assertMayActOnApplication(context, input.applicationId ?? '')
      await assertMayJoinTeam(context, input.teamId)
      return orNotFound(await changeMembership(context.db, { ...input, remove: false }, memberKinds), 'Team')
    }),
    removeTeamMember: os.removeTeamMember.handler(async ({ context, input }) =>
      orNotFound(await changeMembership(context.db, { ...input, remove: true }, memberKinds), 'Team'),
    ),
    getResourceTeamAccess: os.getResourceTeamAccess.handler(async ({ context, input }) => ({
      access: await listGrants(context.db, input),
    })),
    setResourceTeamAccess: os.setResourceTeamAccess.handler(async ({ context, input }) => {
      assertGrantableType(input.resourceType, resourceTypes)
      await context.escalation.assertReaches({ ...input, level: input.canManage || input.canRead === false ? 'manage' : 'read' })
      return setResourceTeamAccess(context.db, input, resourceTypes)
    }),
    removeResourceTeamAccess: os.removeResourceTeamAccess.handler(async ({ context, input }) => {
      assertGrantableType(input.resourceType, resourceTypes)
      await context.escalation.assertReaches({ ...input, level: 'manage' })
      return { removed: await removeResourceTeamAccess(context.db, input) }
    }),
    getResourceAccessSettings: os.getResourceAccessSettings.handler(async ({ context, input }) => ({
      ...input,
      teamOnly: await findTeamOnly(context.db, input),
    })),
    setResourceAccessSettings: os.setResourceAccessSettings.handler(async ({ context, input }) => {
      assertGrantableType(input.resourceType, resourceTypes)
      await context.escalation.assertReaches({ ...input, level: 'manage' })
      return setResourceAccessSettings(context.db, input, resourceTypes)
    }),
  }
}
