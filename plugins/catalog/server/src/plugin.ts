import { catalogAccessRules, catalogContract } from '@checkpost/catalog-contract'
import { definePlugin } from '@checkpost/server'
import { migrations } from './migrations/index.ts'
import { createCatalogRouter } from './router.ts'
import { existingSystemIds } from './system-repository.ts'
import type { CatalogTables } from './tables.ts'

/** The catalog: systems and the groups they belong to. */
export const catalogPlugin = definePlugin<CatalogTables>({
  id: 'catalog',
  contract: catalogContract,
  accessRules: catalogAccessRules,
  migrations,
  router: createCatalogRouter,
  resources: [{ type: 'catalog.system', label: 'System', existingIds: existingSystemIds }],
})
