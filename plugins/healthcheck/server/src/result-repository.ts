import { decodeCursor, encodeCursor, prepareQuery } from '@checkpost/db'
import type { CheckResult, GetHistoryInput, ResultStatus } from '@checkpost/healthcheck-contract'
import type { Kysely, Selectable } from 'kysely'
import type { NewResult } from './new-result.ts'
import { createResultId } from './result-id.ts'
import type { HealthcheckTables } from './tables.ts'
import { addToUptimeHours } from './uptime-repository.ts'

type Db = Kysely<HealthcheckTables>
type ResultRow = Selectable<HealthcheckTables['healthcheck_results']>

// 6 values a row: 3,000 parameters per statement, well under SQLite's (32,766) and Postgres's (65,535) limits.
const ROWS_PER_INSERT = 500
const COLUMNS = ['id', 'check_id', 'status', 'latency_ms', 'message', 'observed_at'] as const

// A full chunk always has the same SQL: compiled once per dialect, bound with a flat array of values.
const insertFullChunk = prepareQuery<string, never>((db, param) =>
  db.insertInto('healthcheck_results').values(
    Array.from({ length: ROWS_PER_INSERT }, (_, row) =>
      Object.fromEntries(COLUMNS.map((column, c) => [column, param(String(row * COLUMNS.length + c))])),
    ),
  ),
)

/** Inserts results in multi-row statements, and counts them per hour; the caller's transaction makes it all or nothing. */
export async function insertResults(db: Db, results: readonly NewResult[]): Promise<void> {
  for (let i = 0; i < results.length; i += ROWS_PER_INSERT) {
    const chunk = results.slice(i, i + ROWS_PER_INSERT)
    const values: unknown[] = []
    for (const r of chunk) values.push(createResultId(), r.checkId, r.status, r.latencyMs, r.message, r.observedAt)
    // The prepared query looks its values up by slot name "0", "1", …: an array answers exactly that.
    if (chunk.length === ROWS_PER_INSERT) await insertFullChunk.execute(db, values as unknown as Record<string, unknown>)
    else await db.insertInto('healthcheck_results').values(chunk.map((_, row) => toRow(values, row))).execute()
  }
  await addToUptimeHours(db, results)
}

function toRow(values: readonly unknown[], row: number) {
  const at = (c: number) => values[row * COLUMNS.length + c]
  return {
    id: at(0) as string,
    check_id: at(1) as string,
    status: at(2) as string,
    latency_ms: at(3) as number | null,
    message: at(4) as string | null,
    observed_at: at(5) as string,
  }
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
