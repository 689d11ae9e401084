import { authApplicationsAccessRules, authApplicationsContract } from '@checkpost/auth-applications-contract'
import { definePlugin } from '@checkpost/server'
import { bumpAccessVersion } from './access-version.ts'
import { createApplicationAuthenticator } from './application-authenticator.ts'
import { forgetResource } from './grant-repository.ts'
import { migrations } from './migrations/index.ts'
import { createAuthApplicationsRouter } from './router.ts'
import type { AuthApplicationsTables } from './tables.ts'

/** External applications: API keys as RBAC identities, their roles, and the host's authenticator. */
export const authApplicationsPlugin = definePlugin<AuthApplicationsTables>({
  id: 'auth-applications',
  contract: authApplicationsContract,
  accessRules: authApplicationsAccessRules,
  migrations,
  router: createAuthApplicationsRouter,
  authenticator: ({ database, clock, logger }) => createApplicationAuthenticator({ database, clock, logger }),
  // A deleted resource takes its grants and team-only setting with it.
  onResourceDeleted: async (db, event) => {
    if (await forgetResource(db, event)) await bumpAccessVersion(db)
  },
})
