import { authApplicationsContract, BUILT_IN_ROLE_IDS } from '@checkpost/auth-applications-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { listApplications } from './application-repository.ts'
import {
  createApplication,
  deleteApplication,
  regenerateApplicationSecret,
  revokePreviousSecret,
  setApplicationRoles,
  updateApplication,
} from './application-service.ts'
import { readKeyExpiryPolicy } from './key-expiry-policy.ts'
import { listRoles } from './role-repository.ts'
import { assertKnownRules, createRole, deleteRole, updateRole } from './role-service.ts'
import { assertMayActOnApplication, assertMayEditRole, assertMayGiveRoles } from './escalation-checks.ts'
import { createTeamHandlers } from './team-handlers.ts'

/** Implements the auth-applications contract. */
export function createAuthApplicationsRouter(deps: Pick<PluginDeps, 'accessRules' | 'clock' | 'resourceTypes' | 'memberKinds' | 'settings'>) {
  const { accessRules, clock } = deps
  const policy = readKeyExpiryPolicy(deps.settings)
  const os = implementPlugin(authApplicationsContract)
  const knownRuleIds = new Set(accessRules.map((rule) => rule.id))
  const ruleList = accessRules.map(({ id, pluginId, resource, level, description }) => ({ id, pluginId, resource, level, description }))

  return os.router({
    getApplications: os.getApplications.handler(async ({ context }) => ({
      applications: await listApplications(context.db),
    })),
    createApplication: os.createApplication.handler(async ({ context, input }) => {
      await assertMayGiveRoles(context, [BUILT_IN_ROLE_IDS.applications])
      return createApplication(context.db, { ...input, createdBy: context.identity.id, policy }, clock)
    }),
    updateApplication: os.updateApplication.handler(async ({ context, input }) => {
      const { applicationId, ...patch } = input
      await assertMayActOnApplication(context, applicationId)
      return orNotFound(await updateApplication(context.db, applicationId, { ...patch, clock, policy }), 'Application')
    }),
    regenerateApplicationSecret: os.regenerateApplicationSecret.handler(async ({ context, input }) => {
      const { applicationId, previousSecretValidForSeconds } = input
      await assertMayActOnApplication(context, applicationId)
      return orNotFound(await regenerateApplicationSecret(context.db, applicationId, { previousSecretValidForSeconds, clock }), 'Application')
    }),
    revokePreviousSecret: os.revokePreviousSecret.handler(async ({ context, input }) => {
      await assertMayActOnApplication(context, input.applicationId)
      return orNotFound(await revokePreviousSecret(context.db, input.applicationId), 'Application')
    }),
    deleteApplication: os.deleteApplication.handler(async ({ context, input }) => {
      await assertMayActOnApplication(context, input.applicationId)
      orNotFound(await deleteApplication(context.db, input.applicationId), 'Application')
      return { success: true as const }
    }),
    setApplicationRoles: os.setApplicationRoles.handler(async ({ context, input }) => {
      await assertMayActOnApplication(context, input.applicationId)
      await assertMayGiveRoles(context, input.roleIds)
      return orNotFound(await setApplicationRoles(context.db, input.applicationId, input.roleIds), 'Application')
    }),
    getAccessRules: os.getAccessRules.handler(() => ({ accessRules: ruleList })),
    getRoles: os.getRoles.handler(async ({ context }) => ({ roles: await listRoles(context.db) })),
    createRole: os.createRole.handler(({ context, input }) => {
      assertKnownRules(input.accessRules, knownRuleIds)
      context.escalation.assertHoldsRules(input.accessRules)
      return createRole(context.db, input, knownRuleIds)
    }),
    updateRole: os.updateRole.handler(async ({ context, input }) => {
      if (input.accessRules) assertKnownRules(input.accessRules, knownRuleIds)
      await assertMayEditRole(context, input.roleId, input.accessRules)
      return orNotFound(await updateRole(context.db, input, knownRuleIds), 'Role')
    }),
    deleteRole: os.deleteRole.handler(async ({ context, input }) => {
      orNotFound(await deleteRole(context.db, input.roleId), 'Role')
      return { success: true as const }
    }),
    ...createTeamHandlers(deps),
  })
}
