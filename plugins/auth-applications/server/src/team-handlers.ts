import { authApplicationsContract } from '@checkpost/auth-applications-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { findTeamOnly } from './grant-repository.ts'
import { listTeams, findTeam } from './team-repository.ts'
import {
  changeMembership,
  createTeam,
  deleteTeam,
  listGrants,
  removeResourceTeamAccess,
  setResourceAccessSettings,
  setResourceTeamAccess,
  updateTeam,
} from './team-service.ts'
import type { AuthApplicationsTables } from './tables.ts'

/** The team and resource-grant procedures of the auth-applications router. */
export function createTeamHandlers({ clock, resourceTypes }: Pick<PluginDeps, 'clock' | 'resourceTypes'>) {
  const os = implementPlugin<AuthApplicationsTables>()(authApplicationsContract)
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
    addTeamMember: os.addTeamMember.handler(async ({ context, input }) =>
      orNotFound(await changeMembership(context.db, { ...input, remove: false }), 'Team'),
    ),
    removeTeamMember: os.removeTeamMember.handler(async ({ context, input }) =>
      orNotFound(await changeMembership(context.db, { ...input, remove: true }), 'Team'),
    ),
    getResourceTeamAccess: os.getResourceTeamAccess.handler(async ({ context, input }) => ({
      access: await listGrants(context.db, input),
    })),
    setResourceTeamAccess: os.setResourceTeamAccess.handler(({ context, input }) =>
      setResourceTeamAccess(context.db, input, resourceTypes),
    ),
    removeResourceTeamAccess: os.removeResourceTeamAccess.handler(async ({ context, input }) => ({
      removed: await removeResourceTeamAccess(context.db, input),
    })),
    getResourceAccessSettings: os.getResourceAccessSettings.handler(async ({ context, input }) => ({
      ...input,
      teamOnly: await findTeamOnly(context.db, input),
    })),
    setResourceAccessSettings: os.setResourceAccessSettings.handler(({ context, input }) =>
      setResourceAccessSettings(context.db, input, resourceTypes),
    ),
  }
}
