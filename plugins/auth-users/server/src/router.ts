import type { AuthUsersTables } from './tables.ts'
import { authUsersContract } from '@checkpost/auth-users-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { assertMayActOnUser } from './escalation-checks.ts'
import { createSelfHandlers } from './self-handlers.ts'
import { requireRbac } from './require-rbac.ts'
import { userAuditEvents as events } from './user-audit-events.ts'
import { userServicesOf } from './user-services.ts'
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
      const user = (await findUser(context.db, rbac, id))!
      await context.audit(events.created(user))
      return user
    }),
    updateUser: os.updateUser.handler(async ({ context, input }) => {
      await assertMayActOnUser(context, rbac, input.userId)
      orNotFound(await updateUser(context.db, rbac, { ...input, at: now() }), 'User')
      const user = (await findUser(context.db, rbac, input.userId))!
      const { userId, ...changes } = input
      await context.audit(events.updated(user, changes))
      return user
    }),
    deleteUser: os.deleteUser.handler(async ({ context, input }) => {
      await assertMayActOnUser(context, rbac, input.userId)
      const user = orNotFound(await findUser(context.db, rbac, input.userId), 'User')
      await deleteUser(context.db, rbac, input.userId)
      await context.audit(events.deleted(user))
      return { success: true as const }
    }),
    setUserRoles: os.setUserRoles.handler(async ({ context, input }) => {
      orNotFound(await findUser(context.db, rbac, input.userId), 'User')
      await assertMayActOnUser(context, rbac, input.userId)
      context.escalation.assertHoldsRules(await rulesOfKnownRoles(context.db, rbac, input.roleIds))
      await setUserRoles(context.db, rbac, input)
      const user = (await findUser(context.db, rbac, input.userId))!
      await context.audit(events.rolesSet(user, user.roles))
      return user
    }),
    ...createSelfHandlers(deps, { rbac, limiter: userServicesOf(deps).limiter }),
  })
}
