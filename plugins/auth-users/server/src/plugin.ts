import { authUsersAccessRules, authUsersContract } from '@checkpost/auth-users-contract'
import { definePlugin } from '@checkpost/server'
import { createAuthRoutes } from './auth-routes.ts'
import { migrations } from './migrations/index.ts'
import { createAuthUsersRouter } from './router.ts'
import { createUserAuthenticator } from './user-authenticator.ts'
import { roleIdsOfUser, userExists } from './user-repository.ts'
import { userServicesOf } from './user-services.ts'

/** Users: people who sign in (sessions via better-auth), their roles and their own API keys. */
export const authUsersPlugin = definePlugin({
  id: 'auth-users',
  contract: authUsersContract,
  accessRules: authUsersAccessRules,
  migrations,
  router: createAuthUsersRouter,
  authenticator: (deps) => createUserAuthenticator({ ...deps, ...userServicesOf(deps) }),
  routes: (deps) => createAuthRoutes({ ...deps, ...userServicesOf(deps) }),
  memberKind: {
    kind: 'user',
    label: 'User',
    roleIdsOf: async (db, id) => ((await userExists(db, id)) ? roleIdsOfUser(db, id) : undefined),
  },
})
