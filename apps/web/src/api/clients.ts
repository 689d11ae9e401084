import { authApplicationsContract } from '@checkpost/auth-applications-contract'
import { authUsersContract } from '@checkpost/auth-users-contract'
import { catalogContract } from '@checkpost/catalog-contract'
import { healthcheckContract } from '@checkpost/healthcheck-contract'
import { incidentContract } from '@checkpost/incident-contract'
import { maintenanceContract } from '@checkpost/maintenance-contract'
import { createTanstackQueryUtils } from '@orpc/tanstack-query'
import { createConsoleClient } from './console-client.ts'

/** Typed clients, one per plugin, built from the plugins' contract packages. */
export const clients = {
  authApplications: createConsoleClient(authApplicationsContract, 'auth-applications'),
  authUsers: createConsoleClient(authUsersContract, 'auth-users'),
  catalog: createConsoleClient(catalogContract, 'catalog'),
  healthcheck: createConsoleClient(healthcheckContract, 'healthcheck'),
  incident: createConsoleClient(incidentContract, 'incident'),
  maintenance: createConsoleClient(maintenanceContract, 'maintenance'),
}

/** TanStack Query options and keys for every procedure, per plugin. */
export const api = {
  authApplications: createTanstackQueryUtils(clients.authApplications, { path: ['auth-applications'] }),
  authUsers: createTanstackQueryUtils(clients.authUsers, { path: ['auth-users'] }),
  catalog: createTanstackQueryUtils(clients.catalog, { path: ['catalog'] }),
  healthcheck: createTanstackQueryUtils(clients.healthcheck, { path: ['healthcheck'] }),
  incident: createTanstackQueryUtils(clients.incident, { path: ['incident'] }),
  maintenance: createTanstackQueryUtils(clients.maintenance, { path: ['maintenance'] }),
}
