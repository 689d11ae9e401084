import { authApplicationsAccessRules, authApplicationsContract } from '@checkpost/auth-applications-contract'
import { definePlugin } from '@checkpost/server'
import { bumpAccessVersion } from './access-version.ts'
import { createApplicationAuthenticator } from './application-authenticator.ts'
import { insertAuditEntry } from './audit-repository.ts'
import { createAuditRetention } from './audit-retention.ts'
import { forgetResource } from './grant-repository.ts'
import { migrations } from './migrations/index.ts'
import { createRbacDirectory } from './rbac-directory.ts'
import { createAuthApplicationsRouter } from './router.ts'
import type { AuthApplicationsTables } from './tables.ts'

/** External applications: API keys as RBAC identities, their roles, and the host's authenticator. */
export const authApplicationsPlugin = definePlugin<AuthApplicationsTables>({
  id: 'auth-applications',
  contract: authApplicationsContract,
  accessRules: authApplicationsAccessRules,
  migrations,
  router: createAuthApplicationsRouter,
  rbac: createRbacDirectory,
  authenticator: ({ database, clock, logger, settings }) =>
    createApplicationAuthenticator({ database, clock, logger, redisUrl: settings.CHECKPOST_REDIS_URL || undefined }),
  // Every plugin's audit entries land in this plugin's table (DESIGN: audit log).
  auditSink: () => ({ write: (db, entry) => insertAuditEntry(db, entry) }),
  background: (deps) => [createAuditRetention(deps)],
  // A deleted resource takes its grants and team-only setting with it.
  onResourceDeleted: async (db, event) => {
    if (await forgetResource(db, event)) await bumpAccessVersion(db)
  },
})
