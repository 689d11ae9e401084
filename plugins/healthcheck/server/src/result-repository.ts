import { decodeCursor, encodeCursor, prepareBulkInsert } from '@checkpost/db'
import type { CheckResult, GetHistoryInput, ResultStatus } from '@checkpost/healthcheck-contract'
import type { Kysely, Selectable } from 'kysely'
import type { NewResult } from './new-result.ts'
import { createResultId } from './result-id.ts'
import type { HealthcheckTables } from './tables.ts'
import { addToUptimeHours } from './uptime-repository.ts'

type Db = Kysely<HealthcheckTables>
type ResultRow = Selectable<HealthcheckTables['healthcheck_results']>

const insertResultRows = prepareBulkInsert('healthcheck_results', [
  { name: 'id', pgType: 'text' },
  { name: 'check_id', pgType: 'text' },
  { name: 'status', pgType: 'text' },
  { name: 'latency_ms', pgType: 'integer' },
  { name: 'message', pgType: 'text' },
  { name: 'observed_at', pgType: 'text' },
])

/** Inserts results in bulk, and counts them per hour; the caller's transaction makes it all or nothing. */
export async function insertResults(db: Db, results: readonly NewResult[]): Promise<void> {
  const values: unknown[] = []
  for (const r of results) values.push(createResultId(), r.checkId, r.status, r.latencyMs, r.message, r.observedAt)
  await insertResultRows.execute(db, values)
  await addToUptimeHours(db, results)
}

function toResult(row: ResultRow): CheckResult {
  return {
    id: row.id,
    healthCheckId: row.check_id,
    status: row.status as ResultStatus,
    latencyMs: row.latency_ms === null ? null : Number(row.latency_ms),
    message: row.message,
    observedAt: row.observed_at,
  }
}

/** Results newest first, keyset-paged on (observed_at, id). */
export async function listHistory(db: Db, input: GetHistoryInput) {
  let query = db.selectFrom('healthcheck_results').selectAll()
  if (input.healthCheckId) query = query.where('check_id', '=', input.healthCheckId)
  if (input.systemId) {
    const checks = db.selectFrom('healthcheck_checks').select('id').where('system_id', '=', input.systemId)
    query = query.where('check_id', 'in', checks)
  }
  if (input.from) query = query.where('observed_at', '>=', input.from)
  if (input.to) query = query.where('observed_at', '<', input.to)
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [string, string]
    query = query.where((eb) => eb.or([eb('observed_at', '<', at), eb.and([eb('observed_at', '=', at), eb('id', '<', id)])]))
  }
  const rows = await query.orderBy('observed_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute()
  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  return {
    results: page.map(toResult),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.observed_at, last.id]) : null,
  }
}

/** The newest result of each check (of one system, or all), in one query. */
export async function latestResults(db: Db, systemId?: string): Promise<Map<string, Pick<ResultRow, 'status' | 'observed_at'>>> {
  let query = db
    .selectFrom('healthcheck_checks as c')
    .innerJoin('healthcheck_results as r', (join) =>
      join.on((eb) =>
        eb(
          'r.id',
          '=',
          eb
            .selectFrom('healthcheck_results as x')
            .select('x.id')
            .whereRef('x.check_id', '=', 'c.id')
            .orderBy('x.observed_at', 'desc')
            .orderBy('x.id', 'desc')
            .limit(1),
        ),
      ),
    )
    .select(['c.id as check_id', 'r.status', 'r.observed_at'])
  if (systemId) query = query.where('c.system_id', '=', systemId)
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.check_id, { status: row.status, observed_at: row.observed_at }]))
}

/** Deletes up to `batch` results older than `cutoff`; returns how many went. */
export async function deleteResultsBefore(db: Db, cutoff: string, batch: number): Promise<number> {
  const old = db.selectFrom('healthcheck_results').select('id').where('observed_at', '<', cutoff).limit(batch)
  const result = await db.deleteFrom('healthcheck_results').where('id', 'in', old).executeTakeFirst()
  return Number(result.numDeletedRows)
}
