import type { PluginContext, RbacDirectory } from '@checkpost/server'
import { roleIdsOfUser } from './user-repository.ts'

type Context = Pick<PluginContext, 'db' | 'escalation'>

/** Rule 3: the caller holds every rule and reaches every team grant of the user. */
export async function assertMayActOnUser(context: Context, rbac: RbacDirectory, userId: string): Promise<void> {
  const roleIds = await roleIdsOfUser(context.db, userId)
  const [{ rules }, teamIds] = await Promise.all([
    rbac.rulesOfRoles(context.db, roleIds),
    rbac.teamIdsOf(context.db, { kind: 'user', id: userId }),
  ])
  context.escalation.assertNotStronger({ rules, grants: await rbac.grantsOfTeams(context.db, teamIds) })
}
