import { createHash } from 'node:crypto'
import type { Database } from '@checkpost/db'

/**
 * Columns written outside a request's transaction (the authenticator's
 * coalesced `last_used_*` bookkeeping); a refused batch is not what changes them.
 */
const BOOKKEEPING_COLUMN = /^last_used_/

/** Each table's row count and a hash of its rows, bookkeeping columns left out. */
export type TableDigests = ReadonlyMap<string, string>

/** Digests every plugin table of the database. */
export async function digestTables(db: Database['db']): Promise<TableDigests> {
  const tables = (await db.introspection.getTables()).filter((table) => !table.name.startsWith('checkpost_migration'))
  const digests = new Map<string, string>()
  for (const table of tables) {
    const rows = (await db.selectFrom(table.name).selectAll().execute()) as Record<string, unknown>[]
    const lines = rows.map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !BOOKKEEPING_COLUMN.test(column)))).sort()
    digests.set(table.name, `${rows.length} rows, ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12)}`)
  }
  return digests
}

/** Tables whose digest differs, as `name: before → after`. */
export function changedTables(before: TableDigests, after: TableDigests): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names].filter((name) => before.get(name) !== after.get(name)).map((name) => `${name}: ${before.get(name)} → ${after.get(name)}`)
}
