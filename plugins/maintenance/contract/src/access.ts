import { defineAccessRules, listAccessRules } from '@checkpost/contract'

/** Access rules of the maintenance plugin. */
export const maintenanceAccess = defineAccessRules('maintenance', {
  maintenance: {
    read: 'Read maintenance windows',
    manage: 'Schedule, change, cancel and complete maintenance windows',
  },
})

/** The same rules as a list, for the plugin definition. */
export const maintenanceAccessRules = listAccessRules(maintenanceAccess)
