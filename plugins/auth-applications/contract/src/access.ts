import { defineAccessRules, listAccessRules } from '@checkpost/contract'

/** Access rules of the auth-applications plugin. */
export const authApplicationsAccess = defineAccessRules('auth-applications', {
  applications: {
    read: 'List applications',
    manage: 'Create, update, regenerate and delete applications and set their roles',
  },
  roles: {
    read: 'List roles and the access rules known to the host',
    manage: 'Create, update and delete roles',
  },
  teams: {
    read: 'List teams, their members and resource grants',
    manage: 'Create, change and delete teams, their members and resource grants',
  },
  audit: {
    read: 'Read the audit log of changes to applications, keys, roles, teams, grants and settings',
  },
})

export const authApplicationsAccessRules = listAccessRules(authApplicationsAccess)
