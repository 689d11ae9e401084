import type { Author, IncidentStatus, IncidentUpdate } from '@checkpost/incident-contract'
import type { Kysely, Selectable } from 'kysely'
import type { IncidentTables } from './tables.ts'

type Db = Kysely<IncidentTables>
type UpdateRow = Selectable<IncidentTables['incident_updates']>

function toUpdate(row: UpdateRow): IncidentUpdate {
  return {
    id: row.id,
    status: row.status as IncidentStatus,
    message: row.message,
    author: { kind: row.author_kind as Author['kind'], id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
  }
}

/** One timeline entry to append. */
export interface NewIncidentUpdate {
  readonly id: string
  readonly incidentId: string
  readonly status: IncidentStatus
  readonly message: string
  readonly author: Author
  readonly at: string
}

/** Appends an entry at the end of an incident's timeline. */
export async function insertIncidentUpdate(db: Db, update: NewIncidentUpdate): Promise<void> {
  const { last } = await db
    .selectFrom('incident_updates')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('incident_id', '=', update.incidentId)
    .executeTakeFirstOrThrow()
  await db
    .insertInto('incident_updates')
    .values({
      id: update.id,
      incident_id: update.incidentId,
      position: Number(last ?? 0) + 1,
      status: update.status,
      message: update.message,
      author_kind: update.author.kind,
      author_id: update.author.id,
      author_name: update.author.name,
      created_at: update.at,
    })
    .execute()
}

/** An incident's timeline, oldest first. */
export async function listIncidentUpdates(db: Db, incidentId: string): Promise<IncidentUpdate[]> {
  const rows = await db
    .selectFrom('incident_updates')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('position')
    .execute()
  return rows.map(toUpdate)
}
