import { maintenanceAccessRules, maintenanceContract } from '@checkpost/maintenance-contract'
import { definePlugin } from '@checkpost/server'
import { migrations } from './migrations/index.ts'
import { createMaintenanceRouter } from './router.ts'
import { removeSystemFromWindows, systemsOf } from './window-repository.ts'
import type { MaintenanceTables } from './tables.ts'

/** Maintenance windows on catalog systems, with a state derived from the clock. */
export const maintenancePlugin = definePlugin<MaintenanceTables>({
  id: 'maintenance',
  contract: maintenanceContract,
  accessRules: maintenanceAccessRules,
  migrations,
  router: createMaintenanceRouter,
  // A window's team access comes from the systems it affects.
  resources: [{ type: 'maintenance.window', label: 'Maintenance window', parentType: 'catalog.system', parentsOf: systemsOf }],
  async onResourceDeleted(db, { resourceType, resourceId }) {
    if (resourceType === 'catalog.system') await removeSystemFromWindows(db, resourceId)
  },
})
