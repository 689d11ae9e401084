import { randomUUID } from 'node:crypto'
import { DomainError } from '@checkpost/contract'
import type {
  AddUpdateInput,
  Author,
  CreateIncidentInput,
  Incident,
  IncidentStatus,
  ResolveIncidentInput,
} from '@checkpost/incident-contract'
import type { Kysely } from 'kysely'
import { findIncident, insertIncident, updateIncidentState } from './incident-repository.ts'
import { insertIncidentUpdate, listIncidentUpdates } from './incident-update-repository.ts'
import type { IncidentTables } from './tables.ts'

type Db = Kysely<IncidentTables>

/** Who acts and when: the author is always the caller's identity, never the input. */
export interface Actor {
  readonly author: Author
  readonly at: string
}

const DEFAULT_CREATED_MESSAGE = 'Incident created'
const DEFAULT_RESOLVED_MESSAGE = 'Incident resolved'

/** One incident with its timeline (oldest first), or undefined. */
export async function getIncidentWithTimeline(db: Db, id: string): Promise<Incident | undefined> {
  const incident = await findIncident(db, id)
  if (!incident) return undefined
  return { ...incident, updates: await listIncidentUpdates(db, id) }
}

/** Opens an incident (never resolved) and writes the first timeline entry. */
export async function createIncident(db: Db, input: CreateIncidentInput, actor: Actor): Promise<Incident> {
  const id = randomUUID()
  const status = input.status ?? 'investigating'
  await insertIncident(db, {
    id,
    title: input.title,
    description: input.description ?? null,
    impact: input.impact,
    status,
    systemIds: input.systemIds,
    at: actor.at,
  })
  await appendUpdate(db, { incidentId: id, status, message: input.message ?? DEFAULT_CREATED_MESSAGE }, actor)
  return (await getIncidentWithTimeline(db, id))!
}

/**
 * Adds a timeline entry, moving the status if one is given. A resolved incident
 * takes no update (409) unless it says `reopen: true` with an open status.
 */
export async function addUpdate(db: Db, input: AddUpdateInput, actor: Actor): Promise<Incident | undefined> {
  const incident = await findIncident(db, input.incidentId)
  if (!incident) return undefined
  const status = input.status ?? incident.status
  if (incident.status === 'resolved') {
    if (input.reopen !== true) {
      throw new DomainError(
        'CONFLICT',
        `Incident ${incident.id} is resolved; to reopen it send reopen: true with a status other than resolved`,
      )
    }
    if (status === 'resolved') {
      throw new DomainError('BAD_REQUEST', 'Reopening an incident needs a status other than resolved')
    }
  }
  await appendUpdate(db, { incidentId: incident.id, status, message: input.message }, actor)
  return getIncidentWithTimeline(db, incident.id)
}

/** Resolves an open incident; 409 when it is already resolved. */
export async function resolveIncident(db: Db, input: ResolveIncidentInput, actor: Actor): Promise<Incident | undefined> {
  const incident = await findIncident(db, input.incidentId)
  if (!incident) return undefined
  if (incident.status === 'resolved') {
    throw new DomainError('CONFLICT', `Incident ${incident.id} is already resolved`)
  }
  const message = input.message ?? DEFAULT_RESOLVED_MESSAGE
  await appendUpdate(db, { incidentId: incident.id, status: 'resolved', message }, actor)
  return getIncidentWithTimeline(db, incident.id)
}

interface Change {
  readonly incidentId: string
  readonly status: IncidentStatus
  readonly message: string
}

/** Sets the incident's state (resolvedAt follows the status), then appends the entry. */
async function appendUpdate(db: Db, change: Change, actor: Actor): Promise<void> {
  const resolvedAt = change.status === 'resolved' ? actor.at : null
  // The row update comes first: on Postgres it locks the incident, so positions cannot race.
  await updateIncidentState(db, change.incidentId, { status: change.status, resolvedAt, at: actor.at })
  await insertIncidentUpdate(db, { id: randomUUID(), ...change, author: actor.author, at: actor.at })
}
