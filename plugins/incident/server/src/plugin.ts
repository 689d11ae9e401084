import { incidentAccessRules, incidentContract } from '@checkpost/incident-contract'
import { definePlugin } from '@checkpost/server'
import { removeSystemFromIncidents, systemsOf } from './incident-repository.ts'
import { migrations } from './migrations/index.ts'
import { createIncidentRouter } from './router.ts'
import type { IncidentTables } from './tables.ts'

/** Incidents: impact, affected catalog systems, a status lifecycle and a timeline of updates. */
export const incidentPlugin = definePlugin<IncidentTables>({
  id: 'incident',
  contract: incidentContract,
  accessRules: incidentAccessRules,
  migrations,
  router: createIncidentRouter,
  // An incident's team access comes from the catalog systems it affects.
  resources: [{ type: 'incident.incident', label: 'Incident', parentType: 'catalog.system', parentsOf: systemsOf }],
  async onResourceDeleted(db, { resourceType, resourceId }) {
    if (resourceType === 'catalog.system') await removeSystemFromIncidents(db, resourceId)
  },
})
