import { runInTransaction } from '@checkpost/db'
import type { TestAuth, TestIdentityFactory } from '@checkpost/testing'
import { createApplication } from './application-service.ts'
import { authApplicationsPlugin } from './plugin.ts'
import { createRole } from './role-service.ts'

let roles = 0

/** Test identities as applications: one role holding exactly the rules asked for (or the built-in admin role). */
export const applicationTestIdentities: TestIdentityFactory = {
  createKey(database, { name, rules, knownRuleIds, clock }) {
    return runInTransaction(database, async (trx) => {
      const roleName = `${name}-role-${++roles}`
      const roleIds = rules === 'admin' ? ['admin'] : [(await createRole(trx, { name: roleName, accessRules: rules }, knownRuleIds)).id]
      const app = await createApplication(trx, { name, roleIds, createdBy: 'test' }, clock)
      return { key: app.secret, id: app.id }
    })
  },
}

/**
 * Test hosts authenticated by this plugin's application keys.
 * @example await using t = await createTestHost({ auth: applicationsTestAuth, plugins: [catalogPlugin] })
 */
export const applicationsTestAuth: TestAuth = { plugins: [authApplicationsPlugin], identities: applicationTestIdentities }
