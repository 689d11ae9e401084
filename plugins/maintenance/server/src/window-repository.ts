import { decodeCursor, encodeCursor, groupRows } from '@checkpost/db'
import type { GetWindowsInput, MaintenanceWindow } from '@checkpost/maintenance-contract'
import type { Kysely, Selectable } from 'kysely'
import type { MaintenanceTables } from './tables.ts'
import { stateAt, stateCondition } from './window-state.ts'

type Db = Kysely<MaintenanceTables>
type WindowRow = Selectable<MaintenanceTables['maintenance_windows']>

function toWindow(row: WindowRow, systemIds: string[], now: string): MaintenanceWindow {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    systemIds,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    state: stateAt(row, now),
    cancelledAt: row.cancelled_at,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** System ids of each window, sorted. */
export async function systemsOf(db: Db, windowIds: readonly string[]): Promise<Map<string, string[]>> {
  if (windowIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('maintenance_window_systems')
    .select(['window_id', 'system_id'])
    .where('window_id', 'in', [...windowIds])
    .orderBy('system_id')
    .execute()
  return groupRows(rows, (row) => row.window_id, (row) => row.system_id)
}

/** Windows newest start first, filtered in SQL and keyset-paged on (starts_at, id). */
export async function listWindows(db: Db, input: GetWindowsInput, now: string) {
  let query = db.selectFrom('maintenance_windows').selectAll()
  if (input.state) query = query.where((eb) => stateCondition(eb, input.state!, now))
  if (input.from) query = query.where('ends_at', '>', input.from)
  if (input.to) query = query.where('starts_at', '<', input.to)
  // EXISTS per window (a primary-key probe), not IN over every window of these systems: the
  // scan follows the starts_at index and stops at the page's end, however many windows the systems have.
  for (const systemIds of [input.systemId ? [input.systemId] : undefined, input.systemIds]) {
    if (!systemIds) continue
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('maintenance_window_systems as ws')
          .select('ws.window_id')
          .whereRef('ws.window_id', '=', 'maintenance_windows.id')
          .where('ws.system_id', 'in', systemIds),
      ),
    )
  }
  if (input.cursor) {
    const [startsAt, id] = decodeCursor(input.cursor, 2) as [string, string]
    query = query.where((eb) => eb.or([eb('starts_at', '<', startsAt), eb.and([eb('starts_at', '=', startsAt), eb('id', '<', id)])]))
  }
  const rows = await query.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute()
  const page = rows.slice(0, input.limit)
  const systems = await systemsOf(db, page.map((r) => r.id))
  const last = page.at(-1)
  return {
    windows: page.map((row) => toWindow(row, systems.get(row.id) ?? [], now)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.starts_at, last.id]) : null,
  }
}

/** One window with its systems, or undefined. */
export async function findWindow(db: Db, id: string, now: string): Promise<MaintenanceWindow | undefined> {
  const row = await db.selectFrom('maintenance_windows').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return toWindow(row, (await systemsOf(db, [id])).get(id) ?? [], now)
}

/** Inserts a window row (systems go through replaceWindowSystems). */
export async function insertWindow(db: Db, row: WindowRow): Promise<void> {
  await db.insertInto('maintenance_windows').values(row).execute()
}

/** The columns an update may change. */
export type WindowPatch = Partial<Pick<WindowRow, 'title' | 'description' | 'starts_at' | 'ends_at' | 'cancelled_at' | 'completed_at'>>

/** Writes a patch to one window row. */
export async function updateWindowRow(db: Db, id: string, patch: WindowPatch & { updated_at: string }): Promise<void> {
  await db.updateTable('maintenance_windows').set(patch).where('id', '=', id).execute()
}

/** Makes the window's systems exactly `systemIds`. */
export async function replaceWindowSystems(db: Db, windowId: string, systemIds: readonly string[]): Promise<void> {
  await db.deleteFrom('maintenance_window_systems').where('window_id', '=', windowId).execute()
  if (systemIds.length === 0) return
  await db
    .insertInto('maintenance_window_systems')
    .values([...new Set(systemIds)].map((systemId) => ({ window_id: windowId, system_id: systemId })))
    .execute()
}

/** Forgets a deleted catalog system; its windows stay. */
export async function removeSystemFromWindows(db: Db, systemId: string): Promise<void> {
  await db.deleteFrom('maintenance_window_systems').where('system_id', '=', systemId).execute()
}
