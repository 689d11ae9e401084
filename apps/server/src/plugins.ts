import { authApplicationsPlugin } from '@checkpost/auth-applications-server'
import { authUsersPlugin } from '@checkpost/auth-users-server'
import { catalogPlugin } from '@checkpost/catalog-server'
import { healthcheckPlugin } from '@checkpost/healthcheck-server'
import { incidentPlugin } from '@checkpost/incident-server'
import { maintenancePlugin } from '@checkpost/maintenance-server'
import type { PluginDefinition } from '@checkpost/server'

/** Every plugin this host mounts, in dependency order. Adding a plugin = adding it here. */
export const plugins: readonly PluginDefinition[] = [authApplicationsPlugin, authUsersPlugin, catalogPlugin, maintenancePlugin, healthcheckPlugin, incidentPlugin]
