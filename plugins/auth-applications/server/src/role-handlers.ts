import { authApplicationsContract, type Role } from '@checkpost/auth-applications-contract'
import { implementPlugin, orNotFound, type PluginContext, type PluginDeps } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { assertMayEditRole } from './escalation-checks.ts'
import { findRole, listRoles } from './role-repository.ts'
import { assertKnownRules, createRole, deleteRole, updateRole } from './role-service.ts'
import type { AuthApplicationsTables } from './tables.ts'

const target = (role: Pick<Role, 'id' | 'name'>) => ({ type: 'role', id: role.id, name: role.name })

/** The role procedures: escalation rule 1, then the change and its audit entry. */
export function createRoleHandlers({ accessRules }: Pick<PluginDeps, 'accessRules'>) {
  const os = implementPlugin<AuthApplicationsTables>()(authApplicationsContract)
  const db = (context: PluginContext) => context.db as Kysely<AuthApplicationsTables>
  const knownRuleIds = new Set(accessRules.map((rule) => rule.id))
  const ruleList = accessRules.map(({ id, pluginId, resource, level, description }) => ({ id, pluginId, resource, level, description }))
  return {
    getAccessRules: os.getAccessRules.handler(() => ({ accessRules: ruleList })),
    getRoles: os.getRoles.handler(async ({ context }) => ({ roles: await listRoles(db(context)) })),
    createRole: os.createRole.handler(async ({ context, input }) => {
      assertKnownRules(input.accessRules, knownRuleIds)
      context.escalation.assertHoldsRules(input.accessRules)
      const role = await createRole(db(context), input, knownRuleIds)
      const changes = { name: role.name, description: role.description, accessRules: role.accessRules }
      await context.audit({ action: 'role.created', target: target(role), changes })
      return role
    }),
    updateRole: os.updateRole.handler(async ({ context, input }) => {
      const { roleId, ...changes } = input
      if (changes.accessRules) assertKnownRules(changes.accessRules, knownRuleIds)
      await assertMayEditRole(context, roleId, changes.accessRules)
      const role = orNotFound(await updateRole(db(context), input, knownRuleIds), 'Role')
      await context.audit({ action: 'role.updated', target: target(role), changes })
      return role
    }),
    deleteRole: os.deleteRole.handler(async ({ context, input }) => {
      const role = orNotFound(await findRole(db(context), input.roleId), 'Role')
      await deleteRole(db(context), input.roleId)
      await context.audit({ action: 'role.deleted', target: target(role) })
      return { success: true as const }
    }),
  }
}
