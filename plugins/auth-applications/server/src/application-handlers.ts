import { authApplicationsContract, BUILT_IN_ROLE_IDS, type Application } from '@checkpost/auth-applications-contract'
import { implementPlugin, orNotFound, type PluginContext, type PluginDeps } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { findApplication, listApplications } from './application-repository.ts'
import {
  createApplication,
  deleteApplication,
  regenerateApplicationSecret,
  revokePreviousSecret,
  setApplicationRoles,
  updateApplication,
} from './application-service.ts'
import { assertMayActOnApplication, assertMayGiveRoles } from './escalation-checks.ts'
import { readKeyExpiryPolicy } from './key-expiry-policy.ts'
import type { AuthApplicationsTables } from './tables.ts'

const target = (app: Pick<Application, 'id' | 'name'>) => ({ type: 'application', id: app.id, name: app.name })

/** The application procedures: escalation rules first, then the change and its audit entry. */
export function createApplicationHandlers({ clock, settings }: Pick<PluginDeps, 'clock' | 'settings'>) {
  const os = implementPlugin<AuthApplicationsTables>()(authApplicationsContract)
  const policy = readKeyExpiryPolicy(settings)
  const db = (context: PluginContext) => context.db as Kysely<AuthApplicationsTables>
  return {
    getApplications: os.getApplications.handler(async ({ context }) => ({ applications: await listApplications(db(context)) })),
    createApplication: os.createApplication.handler(async ({ context, input }) => {
      await assertMayGiveRoles(context, [BUILT_IN_ROLE_IDS.applications])
      const created = await createApplication(db(context), { ...input, createdBy: context.identity.id, policy }, clock)
      const { name, description, roles, expiresAt, rateLimit, allowedIps } = created
      const changes = { name, description, roles, expiresAt, rateLimit, allowedIps }
      await context.audit({ action: 'application.created', target: target(created), changes })
      return created
    }),
    updateApplication: os.updateApplication.handler(async ({ context, input }) => {
      const { applicationId, ...patch } = input
      await assertMayActOnApplication(context, applicationId)
      const updated = orNotFound(await updateApplication(db(context), applicationId, { ...patch, clock, policy }), 'Application')
      await context.audit({ action: 'application.updated', target: target(updated), changes: patch })
      return updated
    }),
    regenerateApplicationSecret: os.regenerateApplicationSecret.handler(async ({ context, input }) => {
      const { applicationId, previousSecretValidForSeconds } = input
      await assertMayActOnApplication(context, applicationId)
      const options = { previousSecretValidForSeconds, clock }
      const regenerated = orNotFound(await regenerateApplicationSecret(db(context), applicationId, options), 'Application')
      const changes = { previousSecretExpiresAt: regenerated.previousSecretExpiresAt }
      await context.audit({ action: 'application.secret_regenerated', target: target(regenerated), changes })
      return regenerated
    }),
    revokePreviousSecret: os.revokePreviousSecret.handler(async ({ context, input }) => {
      await assertMayActOnApplication(context, input.applicationId)
      const revoked = orNotFound(await revokePreviousSecret(db(context), input.applicationId), 'Application')
      await context.audit({ action: 'application.previous_secret_revoked', target: target(revoked) })
      return revoked
    }),
    deleteApplication: os.deleteApplication.handler(async ({ context, input }) => {
      await assertMayActOnApplication(context, input.applicationId)
      const existing = orNotFound(await findApplication(db(context), input.applicationId), 'Application')
      await deleteApplication(db(context), input.applicationId)
      await context.audit({ action: 'application.deleted', target: target(existing) })
      return { success: true as const }
    }),
    setApplicationRoles: os.setApplicationRoles.handler(async ({ context, input }) => {
      await assertMayActOnApplication(context, input.applicationId)
      await assertMayGiveRoles(context, input.roleIds)
      const updated = orNotFound(await setApplicationRoles(db(context), input.applicationId, input.roleIds), 'Application')
      await context.audit({ action: 'application.roles_set', target: target(updated), changes: { roleIds: updated.roles } })
      return updated
    }),
  }
}
