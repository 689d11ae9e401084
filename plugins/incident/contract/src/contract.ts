import { proc } from '@checkpost/contract'
import { incidentAccess as access } from './access.ts'
import {
  addUpdateInput,
  createIncidentInput,
  deletedSchema,
  getIncidentsInput,
  incidentIdInput,
  incidentListSchema,
  incidentSchema,
  resolveIncidentInput,
} from './schemas.ts'

const read = proc.meta({ access: [access.incident.read] })
const manage = proc.meta({ access: [access.incident.manage] })

/** Instance access (team grants): incidents take theirs from the catalog systems they affect. */
const INCIDENT = 'incident.incident'
const SYSTEM = 'catalog.system'
/** An incident names only the affected systems the caller can see. */
const itsSystems = { resourceType: SYSTEM, outputIds: ['systemIds'] }
const byIncidentId = { instance: [{ resourceType: INCIDENT, inputIds: ['incidentId'] }, itsSystems] }
const bySystemIds = { instance: [{ resourceType: SYSTEM, inputIds: ['systemIds.*'], outputIds: ['systemIds'] }] }

/** The incident contract, mounted at `/api/incident/`. */
export const incidentContract = {
  getIncidents: read
    .meta({
      instance: [
        { resourceType: INCIDENT, outputLists: [{ path: 'incidents', paged: true }] },
        // Filtering by a system the caller cannot see lists nothing, as for an absent id.
        { resourceType: SYSTEM, inputIds: ['systemId'], outputIds: ['incidents.*.systemIds'] },
      ],
    })
    .input(getIncidentsInput)
    .output(incidentListSchema),
  getIncident: read.meta(byIncidentId).input(incidentIdInput).output(incidentSchema),
  createIncident: manage.meta(bySystemIds).input(createIncidentInput).output(incidentSchema),
  addUpdate: manage.meta(byIncidentId).input(addUpdateInput).output(incidentSchema),
  resolveIncident: manage.meta(byIncidentId).input(resolveIncidentInput).output(incidentSchema),
  deleteIncident: manage.meta(byIncidentId).input(incidentIdInput).output(deletedSchema),
}

export type IncidentContract = typeof incidentContract
