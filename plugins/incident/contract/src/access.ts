import { defineAccessRules, listAccessRules } from '@checkpost/contract'

/** Access rules of the incident plugin. */
export const incidentAccess = defineAccessRules('incident', {
  incident: {
    read: 'Read incidents and their timelines',
    manage: 'Create, update, resolve, reopen and delete incidents',
  },
})

/** The incident plugin's access rules as a list, for the host. */
export const incidentAccessRules = listAccessRules(incidentAccess)
