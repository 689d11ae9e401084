import type { Kysely } from 'kysely'
import type { NewResult } from './new-result.ts'
import type { HealthcheckTables } from './tables.ts'

type Db = Kysely<HealthcheckTables>

/** Result counts of one check in one window. */
export interface UptimeCount {
  readonly total: number
  readonly up: number
}

const HOUR_MS = 3_600_000
const hourOf = (iso: string) => iso.slice(0, 13)

/**
 * Adds results to the hourly counts, in the caller's transaction. Rows go in
 * (check, hour) order so that concurrent Postgres writers lock them in one order.
 */
export async function addToUptimeHours(db: Db, results: readonly NewResult[]): Promise<void> {
  const counts = new Map<string, { check_id: string; hour: string; total: number; up: number }>()
  let entry: { check_id: string; hour: string; total: number; up: number } | undefined
  for (const result of results) {
    // A batch mostly repeats one check and one hour: reuse the entry before building a key.
    if (entry?.check_id !== result.checkId || !result.observedAt.startsWith(entry.hour)) {
      const hour = hourOf(result.observedAt)
      const key = `${result.checkId}|${hour}`
      entry = counts.get(key) ?? { check_id: result.checkId, hour, total: 0, up: 0 }
      counts.set(key, entry)
    }
    entry.total++
    if (result.status !== 'unhealthy') entry.up++
  }
  const rows = [...counts.keys()].sort().map((key) => counts.get(key)!)
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('healthcheck_uptime_hours')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['check_id', 'hour']).doUpdateSet((eb) => ({
          total: eb('healthcheck_uptime_hours.total', '+', eb.ref('excluded.total')),
          up: eb('healthcheck_uptime_hours.up', '+', eb.ref('excluded.up')),
        })),
      )
      .execute()
  }
}

/**
 * Per check, result counts since each of `since` (ISO timestamps): whole hours
 * after the one `since` falls in come from the hourly counts, that first
 * partial hour from the results themselves. Checks without results are absent.
 */
export async function countUptime(db: Db, since: readonly string[], systemId?: string): Promise<Map<string, UptimeCount[]>> {
  const counts = new Map<string, UptimeCount[]>()
  const add = (checkId: string, index: number, count: { total: unknown; up: unknown }) => {
    const entry = counts.get(checkId) ?? since.map(() => ({ total: 0, up: 0 }))
    entry[index] = { total: entry[index]!.total + Number(count.total), up: entry[index]!.up + Number(count.up) }
    counts.set(checkId, entry)
  }
  for (const row of await wholeHours(db, since, systemId)) {
    since.forEach((_, i) => add(String(row.check_id), i, { total: row[`total${i}`], up: row[`up${i}`] }))
  }
  for (const [i, start] of since.entries()) {
    for (const row of await partialHour(db, start, systemId)) add(row.check_id, i, row)
  }
  return counts
}

type CountRow = Record<string, string | number | null>

function checksOf(db: Db, systemId?: string) {
  const checks = db.selectFrom('healthcheck_checks').select('id')
  return systemId ? checks.where('system_id', '=', systemId) : checks
}

async function wholeHours(db: Db, since: readonly string[], systemId?: string): Promise<CountRow[]> {
  const firstHours = since.map(hourOf)
  const rows = await db
    .selectFrom('healthcheck_uptime_hours')
    .select('check_id')
    .select((eb) =>
      firstHours.flatMap((first, i) => [
        eb.fn.sum<string | number>(eb.case().when('hour', '>', first).then(eb.ref('total')).else(0).end()).as(`total${i}`),
        eb.fn.sum<string | number>(eb.case().when('hour', '>', first).then(eb.ref('up')).else(0).end()).as(`up${i}`),
      ]),
    )
    .where('check_id', 'in', checksOf(db, systemId))
    .where('hour', '>', [...firstHours].sort()[0]!)
    .groupBy('check_id')
    .execute()
  return rows as unknown as CountRow[]
}

/** Counts in [start, end of its hour): a ranged read of the (check, time) index. */
function partialHour(db: Db, start: string, systemId?: string) {
  const end = new Date(Date.parse(`${hourOf(start)}:00:00.000Z`) + HOUR_MS).toISOString()
  return db
    .selectFrom('healthcheck_results')
    .select('check_id')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('total'),
      eb.fn.sum<string | number>(eb.case().when('status', '!=', 'unhealthy').then(1).else(0).end()).as('up'),
    ])
    .where('check_id', 'in', checksOf(db, systemId))
    .where('observed_at', '>=', start)
    .where('observed_at', '<', end)
    .groupBy('check_id')
    .execute()
}

/** Deletes the hourly counts of hours wholly before `cutoff`. */
export async function deleteUptimeHoursBefore(db: Db, cutoff: string): Promise<void> {
  await db.deleteFrom('healthcheck_uptime_hours').where('hour', '<', hourOf(cutoff)).execute()
}
