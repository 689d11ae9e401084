import type { AuditLogEntry, GetAuditLogInput } from '@checkpost/auth-applications-contract'
import { decodeCursor, encodeCursor, fromDbJson, toDbJson } from '@checkpost/db'
import type { AuditEntry } from '@checkpost/server'
import type { Kysely, Selectable } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'

type Db = Kysely<AuthApplicationsTables>
type AuditRow = Selectable<AuthApplicationsTables['auth_applications_audit_log']>

/** Appends one entry (the audit sink of the host). */
export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('auth_applications_audit_log')
    .values({
      id: entry.id,
      at: entry.at,
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      target_type: entry.target.type,
      target_id: entry.target.id,
      target_name: entry.target.name ?? null,
      changes: entry.changes === undefined ? null : toDbJson(entry.changes),
      request_id: entry.requestId,
      source_ip: entry.sourceIp,
    })
    .execute()
}

/** A page of entries, newest first, filtered; `nextCursor` is null on the last page. */
export async function listAuditEntries(db: Db, filter: GetAuditLogInput): Promise<{ entries: AuditLogEntry[]; nextCursor: string | null }> {
  let query = db.selectFrom('auth_applications_audit_log').selectAll()
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId)
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId)
  if (filter.action) query = query.where('action', '=', filter.action)
  if (filter.from) query = query.where('at', '>=', filter.from)
  if (filter.to) query = query.where('at', '<=', filter.to)
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, 2) as [string, string]
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]))
  }
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute()
  const page = rows.slice(0, filter.limit)
  const last = page.at(-1)
  return { entries: page.map(toEntry), nextCursor: rows.length > filter.limit && last ? encodeCursor([last.at, last.id]) : null }
}

/** Deletes at most `batch` entries older than `cutoff`; returns how many. */
export async function deleteAuditEntriesBefore(db: Db, cutoff: string, batch: number): Promise<number> {
  const oldest = db.selectFrom('auth_applications_audit_log').select('id').where('at', '<', cutoff).orderBy('at').limit(batch)
  const result = await db.deleteFrom('auth_applications_audit_log').where('id', 'in', oldest).executeTakeFirst()
  return Number(result.numDeletedRows)
}

function toEntry(row: AuditRow): AuditLogEntry {
  const changes = fromDbJson<Record<string, unknown>>(row.changes)
  return {
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind as AuditLogEntry['actor']['kind'], id: row.actor_id, name: row.actor_name },
    action: row.action,
    target: { type: row.target_type, id: row.target_id, ...(row.target_name === null ? {} : { name: row.target_name }) },
    ...(changes === null ? {} : { changes }),
    requestId: row.request_id,
    sourceIp: row.source_ip,
  }
}
