import { defineAccessRules, listAccessRules } from '@checkpost/contract'

/** Access rules of the catalog plugin. */
export const catalogAccess = defineAccessRules('catalog', {
  catalog: {
    read: 'Read systems and groups',
    manage: 'Create, update and delete systems and groups',
  },
})

export const catalogAccessRules = listAccessRules(catalogAccess)
