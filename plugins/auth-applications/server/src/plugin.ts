import { authApplicationsAccessRules, authApplicationsContract } from '@checkpost/auth-applications-contract'
import { definePlugin } from '@checkpost/server'
import { createApplicationAuthenticator } from './application-authenticator.ts'
import { migrations } from './migrations/index.ts'
import { createAuthApplicationsRouter } from './router.ts'

/** External applications: API keys as RBAC identities, their roles, and the host's authenticator. */
export const authApplicationsPlugin = definePlugin({
  id: 'auth-applications',
  contract: authApplicationsContract,
  accessRules: authApplicationsAccessRules,
  migrations,
  router: createAuthApplicationsRouter,
  authenticator: ({ database, clock, logger }) => createApplicationAuthenticator({ database, clock, logger }),
})
