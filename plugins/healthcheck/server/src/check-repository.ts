import type { HealthCheck } from '@checkpost/healthcheck-contract'
import { fromDbBool } from '@checkpost/db'
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { HealthcheckTables } from './tables.ts'

type Db = Kysely<HealthcheckTables>
type CheckRow = Selectable<HealthcheckTables['healthcheck_checks']>

/** A stored check row as the wire shape. */
export function toHealthCheck(row: CheckRow): HealthCheck {
  return {
    id: row.id,
    systemId: row.system_id,
    name: row.name,
    kind: row.kind as HealthCheck['kind'],
    intervalSeconds: Number(row.interval_seconds),
    enabled: fromDbBool(row.enabled),
    http:
      row.http_url === null
        ? null
        : { url: row.http_url, expectedStatus: Number(row.http_expected_status), timeoutMs: Number(row.http_timeout_ms) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Checks by name, optionally of one system. */
export async function listChecks(db: Db, systemId?: string): Promise<HealthCheck[]> {
  let query = db.selectFrom('healthcheck_checks').selectAll().orderBy('name').orderBy('id')
  if (systemId) query = query.where('system_id', '=', systemId)
  return (await query.execute()).map(toHealthCheck)
}

/** One check, or undefined. */
export async function findCheck(db: Db, id: string): Promise<HealthCheck | undefined> {
  const row = await db.selectFrom('healthcheck_checks').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toHealthCheck(row)
}

/** Inserts one check row. */
export async function insertCheck(db: Db, row: Insertable<HealthcheckTables['healthcheck_checks']>): Promise<void> {
  await db.insertInto('healthcheck_checks').values(row).execute()
}

/** Updates the given columns of one check (undefined leaves a column alone). */
export async function updateCheckRow(db: Db, id: string, patch: Updateable<HealthcheckTables['healthcheck_checks']>) {
  await db.updateTable('healthcheck_checks').set(patch).where('id', '=', id).execute()
}

/** Deletes a check; its results cascade. */
export async function deleteCheckRow(db: Db, id: string): Promise<boolean> {
  return (await db.deleteFrom('healthcheck_checks').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n
}

/** Ids of a system's checks. */
export async function checkIdsOfSystem(db: Db, systemId: string): Promise<string[]> {
  const rows = await db.selectFrom('healthcheck_checks').select('id').where('system_id', '=', systemId).execute()
  return rows.map((r) => r.id)
}

/** Which of `ids` are existing checks. */
export async function existingCheckIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.selectFrom('healthcheck_checks').select('id').where('id', 'in', ids.slice(i, i + 1000)).execute()
    for (const row of rows) found.add(row.id)
  }
  return found
}

/** The system of each check, for team access. */
export async function systemsOfChecks(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>()
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('healthcheck_checks')
      .select(['id', 'system_id'])
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute()
    for (const row of rows) result.set(row.id, [row.system_id])
  }
  return result
}
