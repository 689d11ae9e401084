import type { AuthUsersTables } from './tables.ts'
import { authUsersContract } from '@checkpost/auth-users-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { assertMayActOnUser } from './escalation-checks.ts'
import { createSelfHandlers } from './self-handlers.ts'
import { requireRbac } from './require-rbac.ts'
import { userServicesOf } from './user-services.ts'
import { userTarget } from './user-audit.ts'
import { createUser, deleteUser, findUser, listUsers, rulesOfKnownRoles, setUserRoles, updateUser } from './user-service.ts'

/** Implements the auth-users contract. */
export function createAuthUsersRouter(deps: PluginDeps) {
  const rbac = requireRbac(deps.rbac)
  const os = implementPlugin<AuthUsersTables>()(authUsersContract)
  const now = () => deps.clock.now().toISOString()
  return os.router({
    getUsers: os.getUsers.handler(async ({ context }) => ({ users: await listUsers(context.db, rbac) })),
    getUser: os.getUser.handler(async ({ context, input }) => orNotFound(await findUser(context.db, rbac, input.userId), 'User')),
    createUser: os.createUser.handler(async ({ context, input }) => {
      const roleIds = input.roleIds ?? []
      context.escalation.assertHoldsRules(await rulesOfKnownRoles(context.db, rbac, roleIds))
      const id = await createUser(context.db, { ...input, roleIds, at: now() })
      const created = (await findUser(context.db, rbac, id))!
      await context.audit({ action: 'user.created', target: userTarget(created), changes: { email: created.email, name: created.name, roleIds } })
      return created
    }),
    updateUser: os.updateUser.handler(async ({ context, input }) => {
      await assertMayActOnUser(context, rbac, input.userId)
      orNotFound(await updateUser(context.db, rbac, { ...input, at: now() }), 'User')
      const updated = (await findUser(context.db, rbac, input.userId))!
      const changes = { ...(input.name === undefined ? {} : { name: input.name }), ...(input.disabled === undefined ? {} : { disabled: input.disabled }) }
      await context.audit({ action: 'user.updated', target: userTarget(updated), changes })
      return updated
    }),
    deleteUser: os.deleteUser.handler(async ({ context, input }) => {
      await assertMayActOnUser(context, rbac, input.userId)
      const existing = await findUser(context.db, rbac, input.userId)
      orNotFound(await deleteUser(context.db, rbac, input.userId), 'User')
      await context.audit({ action: 'user.deleted', target: userTarget(existing!) })
      return { success: true as const }
    }),
    setUserRoles: os.setUserRoles.handler(async ({ context, input }) => {
      orNotFound(await findUser(context.db, rbac, input.userId), 'User')
      await assertMayActOnUser(context, rbac, input.userId)
      context.escalation.assertHoldsRules(await rulesOfKnownRoles(context.db, rbac, input.roleIds))
      await setUserRoles(context.db, rbac, input)
      const updated = (await findUser(context.db, rbac, input.userId))!
      await context.audit({ action: 'user.roles_set', target: userTarget(updated), changes: { roleIds: updated.roles } })
      return updated
    }),
    ...createSelfHandlers(deps, { rbac, limiter: userServicesOf(deps).limiter }),
  })
}
