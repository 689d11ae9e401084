import { defineAccessRules, listAccessRules } from '@checkpost/contract'

/** Access rules of the healthcheck plugin. */
export const healthcheckAccess = defineAccessRules('healthcheck', {
  healthcheck: {
    read: 'Read health checks, their history and status',
    manage: 'Create, update and delete health checks',
  },
  results: {
    manage: 'Post check results (reportResults), e.g. from a CI job or an external monitor',
  },
})

/** The rules as a list, for the plugin definition. */
export const healthcheckAccessRules = listAccessRules(healthcheckAccess)
