import { authApplicationsContract } from '@checkpost/auth-applications-contract'
import { implementPlugin, type PluginDeps } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { createApplicationHandlers } from './application-handlers.ts'
import { listAuditEntries } from './audit-repository.ts'
import { createRoleHandlers } from './role-handlers.ts'
import type { AuthApplicationsTables } from './tables.ts'
import { createTeamHandlers } from './team-handlers.ts'

/** Implements the auth-applications contract. */
export function createAuthApplicationsRouter(deps: Pick<PluginDeps, 'accessRules' | 'clock' | 'resourceTypes' | 'memberKinds' | 'settings'>) {
  const os = implementPlugin<AuthApplicationsTables>()(authApplicationsContract)
  return os.router({
    ...createApplicationHandlers(deps),
    ...createRoleHandlers(deps),
    ...createTeamHandlers(deps),
    getAuditLog: os.getAuditLog.handler(({ context, input }) =>
      listAuditEntries(context.db as Kysely<AuthApplicationsTables>, input),
    ),
  })
}
