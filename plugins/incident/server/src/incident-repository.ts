import type { Impact, Incident, IncidentStatus } from '@checkpost/incident-contract'
import { decodeCursor, encodeCursor, groupRows } from '@checkpost/db'
import type { Kysely, Selectable } from 'kysely'
import type { IncidentTables } from './tables.ts'

type Db = Kysely<IncidentTables>
type IncidentRow = Selectable<IncidentTables['incident_incidents']>

function toIncident(row: IncidentRow, systemIds: string[]): Incident {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    impact: row.impact as Impact,
    systemIds,
    status: row.status as IncidentStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
  }
}

/** Affected system ids of each incident that has any (sorted). */
export async function systemsOf(db: Db, incidentIds: readonly string[]): Promise<Map<string, string[]>> {
  if (incidentIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('incident_systems')
    .select(['incident_id', 'system_id'])
    .where('incident_id', 'in', [...incidentIds])
    .orderBy('system_id')
    .execute()
  return groupRows(rows, (row) => row.incident_id, (row) => row.system_id)
}

/** One incident without its timeline, or undefined. */
export async function findIncident(db: Db, id: string): Promise<Incident | undefined> {
  const row = await db.selectFrom('incident_incidents').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return toIncident(row, (await systemsOf(db, [id])).get(id) ?? [])
}

/** Filters and keyset position of an incident list. */
export interface IncidentFilter {
  readonly status?: IncidentStatus
  readonly systemId?: string
  /** true: not resolved; false: resolved. */
  readonly open?: boolean
  readonly limit: number
  readonly cursor?: string
}

/** Incidents newest first, one page at a time. */
export async function listIncidents(db: Db, filter: IncidentFilter): Promise<{ incidents: Incident[]; nextCursor: string | null }> {
  let query = db.selectFrom('incident_incidents').selectAll()
  if (filter.status !== undefined) query = query.where('status', '=', filter.status)
  if (filter.open !== undefined) query = query.where('status', filter.open ? '<>' : '=', 'resolved')
  if (filter.systemId !== undefined) {
    const systemId = filter.systemId
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('incident_systems').select('incident_id').where('system_id', '=', systemId),
    )
  }
  if (filter.cursor !== undefined) {
    const [createdAt, id] = decodeCursor(filter.cursor, 2) as [string, string]
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
    )
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute()
  const page = rows.slice(0, filter.limit)
  const last = page[page.length - 1]
  const nextCursor = rows.length > filter.limit && last ? encodeCursor([last.created_at, last.id]) : null
  const systems = await systemsOf(db, page.map((r) => r.id))
  return { incidents: page.map((row) => toIncident(row, systems.get(row.id) ?? [])), nextCursor }
}

/** A new incident row, as stored. */
export interface NewIncident {
  readonly id: string
  readonly title: string
  readonly description: string | null
  readonly impact: Impact
  readonly status: IncidentStatus
  readonly systemIds: readonly string[]
  readonly at: string
}

/** Inserts an incident and its affected systems (duplicates collapsed). */
export async function insertIncident(db: Db, incident: NewIncident): Promise<void> {
  await db
    .insertInto('incident_incidents')
    .values({
      id: incident.id,
      title: incident.title,
      description: incident.description,
      impact: incident.impact,
      status: incident.status,
      created_at: incident.at,
      updated_at: incident.at,
      resolved_at: null,
    })
    .execute()
  const systemIds = [...new Set(incident.systemIds)]
  if (systemIds.length === 0) return
  await db
    .insertInto('incident_systems')
    .values(systemIds.map((systemId) => ({ incident_id: incident.id, system_id: systemId })))
    .execute()
}

/** The lifecycle fields an update changes. */
export interface IncidentState {
  readonly status: IncidentStatus
  readonly resolvedAt: string | null
  readonly at: string
}

/**
 * Sets status, resolvedAt and updatedAt; false when the incident does not exist.
 * On Postgres this also locks the row, serializing concurrent updates of one incident.
 */
export async function updateIncidentState(db: Db, id: string, state: IncidentState): Promise<boolean> {
  const result = await db
    .updateTable('incident_incidents')
    .set({ status: state.status, resolved_at: state.resolvedAt, updated_at: state.at })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Deletes an incident; its systems and timeline cascade. False when it did not exist. */
export async function deleteIncidentRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('incident_incidents').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Removes a (deleted) system from every incident's affected systems; the incidents stay. */
export async function removeSystemFromIncidents(db: Db, systemId: string): Promise<void> {
  await db.deleteFrom('incident_systems').where('system_id', '=', systemId).execute()
}
