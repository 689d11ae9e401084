import { catalogContract } from '@checkpost/catalog-contract'
import { incidentContract } from '@checkpost/incident-contract'
import { implementPlugin, orNotFound, type PluginContext, type PluginDeps } from '@checkpost/server'
import { deleteIncidentRow, listIncidents } from './incident-repository.ts'
import { addUpdate, createIncident, getIncidentWithTimeline, resolveIncident, type Actor } from './incident-service.ts'
import type { IncidentTables } from './tables.ts'

/** Each referenced system must exist in the catalog; the peer call answers the 404. */
async function assertSystemsExist(context: PluginContext, systemIds: readonly string[]): Promise<void> {
  const catalog = context.peer('catalog', catalogContract)
  for (const systemId of new Set(systemIds)) await catalog.getSystem({ systemId })
}

/** Implements the incident contract. */
export function createIncidentRouter({ clock }: Pick<PluginDeps, 'clock'>) {
  const os = implementPlugin<IncidentTables>()(incidentContract)
  const actor = ({ identity }: PluginContext): Actor => ({
    author: { kind: identity.kind, id: identity.id, name: identity.name },
    at: clock.now().toISOString(),
  })

  return os.router({
    getIncidents: os.getIncidents.handler(({ context, input }) =>
      listIncidents(context.db, input),
    ),
    getIncident: os.getIncident.handler(async ({ context, input }) =>
      orNotFound(await getIncidentWithTimeline(context.db, input.incidentId), 'Incident'),
    ),
    createIncident: os.createIncident.handler(async ({ context, input }) => {
      await assertSystemsExist(context, input.systemIds)
      return createIncident(context.db, input, actor(context))
    }),
    addUpdate: os.addUpdate.handler(async ({ context, input }) =>
      orNotFound(await addUpdate(context.db, input, actor(context)), 'Incident'),
    ),
    resolveIncident: os.resolveIncident.handler(async ({ context, input }) =>
      orNotFound(await resolveIncident(context.db, input, actor(context)), 'Incident'),
    ),
    deleteIncident: os.deleteIncident.handler(async ({ context, input }) => {
      orNotFound(await deleteIncidentRow(context.db, input.incidentId), 'Incident')
      await context.resourceDeleted('incident.incident', input.incidentId)
      return { success: true as const }
    }),
  })
}
