import { authApplicationsContract } from '@checkpost/auth-applications-contract'
import { implementPlugin, type PluginContext, type PluginDeps } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { findTeamOnly, type ResourceRef } from './grant-repository.ts'
import type { AuthApplicationsTables } from './tables.ts'
import {
  assertGrantableType,
  listGrants,
  removeResourceTeamAccess,
  setResourceAccessSettings,
  setResourceTeamAccess,
} from './team-service.ts'

const target = (ref: ResourceRef) => ({ type: ref.resourceType, id: ref.resourceId })

/** Resource grants and team-only settings: escalation rule 4 first, then the change and its audit entry. */
export function createGrantHandlers({ resourceTypes }: Pick<PluginDeps, 'resourceTypes'>) {
  const os = implementPlugin<AuthApplicationsTables>()(authApplicationsContract)
  const db = (context: PluginContext) => context.db as Kysely<AuthApplicationsTables>
  return {
    getResourceTeamAccess: os.getResourceTeamAccess.handler(async ({ context, input }) => ({
      access: await listGrants(db(context), input),
    })),
    setResourceTeamAccess: os.setResourceTeamAccess.handler(async ({ context, input }) => {
      assertGrantableType(input.resourceType, resourceTypes)
      // Removing a grant (neither level) changes who reaches the instance: that needs manage too.
      await context.escalation.assertReaches({ ...input, level: input.canManage || input.canRead === false ? 'manage' : 'read' })
      const grant = await setResourceTeamAccess(db(context), input, resourceTypes)
      const changes = { teamId: grant.teamId, canRead: grant.canRead, canManage: grant.canManage }
      await context.audit({ action: grant.canRead ? 'grant.set' : 'grant.removed', target: target(input), changes })
      return grant
    }),
    removeResourceTeamAccess: os.removeResourceTeamAccess.handler(async ({ context, input }) => {
      assertGrantableType(input.resourceType, resourceTypes)
      await context.escalation.assertReaches({ ...input, level: 'manage' })
      const removed = await removeResourceTeamAccess(db(context), input)
      if (removed > 0) await context.audit({ action: 'grant.removed', target: target(input), changes: { teamId: input.teamId ?? null, removed } })
      return { removed }
    }),
    getResourceAccessSettings: os.getResourceAccessSettings.handler(async ({ context, input }) => ({
      ...input,
      teamOnly: await findTeamOnly(db(context), input),
    })),
    setResourceAccessSettings: os.setResourceAccessSettings.handler(async ({ context, input }) => {
      assertGrantableType(input.resourceType, resourceTypes)
      await context.escalation.assertReaches({ ...input, level: 'manage' })
      const settings = await setResourceAccessSettings(db(context), input, resourceTypes)
      await context.audit({ action: 'access_settings.set', target: target(input), changes: { teamOnly: settings.teamOnly } })
      return settings
    }),
  }
}
