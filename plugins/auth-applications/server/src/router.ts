import { authApplicationsContract } from '@checkpost/auth-applications-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { listApplications } from './application-repository.ts'
import {
  createApplication,
  deleteApplication,
  regenerateApplicationSecret,
  setApplicationRoles,
  updateApplication,
} from './application-service.ts'
import { listRoles } from './role-repository.ts'
import { createRole, deleteRole, updateRole } from './role-service.ts'
import { createTeamHandlers } from './team-handlers.ts'
import type { AuthApplicationsTables } from './tables.ts'


/** Implements the auth-applications contract. */
export function createAuthApplicationsRouter(deps: Pick<PluginDeps, 'accessRules' | 'clock' | 'resourceTypes'>) {
  const { accessRules, clock } = deps
  const os = implementPlugin<AuthApplicationsTables>()(authApplicationsContract)
  const knownRuleIds = new Set(accessRules.map((rule) => rule.id))
  const ruleList = accessRules.map(({ id, pluginId, resource, level, description }) => ({ id, pluginId, resource, level, description }))

  return os.router({
    getApplications: os.getApplications.handler(async ({ context }) => ({
      applications: await listApplications(context.db),
    })),
    createApplication: os.createApplication.handler(({ context, input }) =>
      createApplication(context.db, { ...input, createdBy: context.identity.id }, clock),
    ),
    updateApplication: os.updateApplication.handler(async ({ context, input }) => {
      const { applicationId, ...patch } = input
      return orNotFound(await updateApplication(context.db, applicationId, patch), 'Application')
    }),
    regenerateApplicationSecret: os.regenerateApplicationSecret.handler(async ({ context, input }) =>
      orNotFound(await regenerateApplicationSecret(context.db, input.applicationId), 'Application'),
    ),
    deleteApplication: os.deleteApplication.handler(async ({ context, input }) => {
      orNotFound(await deleteApplication(context.db, input.applicationId), 'Application')
      return { success: true as const }
    }),
    setApplicationRoles: os.setApplicationRoles.handler(async ({ context, input }) =>
      orNotFound(await setApplicationRoles(context.db, input.applicationId, input.roleIds), 'Application'),
    ),
    getAccessRules: os.getAccessRules.handler(() => ({ accessRules: ruleList })),
    getRoles: os.getRoles.handler(async ({ context }) => ({ roles: await listRoles(context.db) })),
    createRole: os.createRole.handler(({ context, input }) => createRole(context.db, input, knownRuleIds)),
    updateRole: os.updateRole.handler(async ({ context, input }) =>
      orNotFound(await updateRole(context.db, input, knownRuleIds), 'Role'),
    ),
    deleteRole: os.deleteRole.handler(async ({ context, input }) => {
      orNotFound(await deleteRole(context.db, input.roleId), 'Role')
      return { success: true as const }
    }),
    ...createTeamHandlers(deps),
  })
}
