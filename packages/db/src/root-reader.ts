import { createHash } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type pg from 'pg'

/** Reads of committed data outside any transaction, by SQL text, with statements kept per text. */
export interface RootReader {
  all(sql: string, parameters: readonly unknown[]): unknown[] | Promise<unknown[]>
  close(): void
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readers = new WeakMap<Kysely<any>, RootReader>()

/**
 * SQLite: a second, read-only connection to a WAL database for the hottest
 * reads. WAL lets it read the last committed state while the writer connection
 * is inside someone's transaction, so a request never waits on Kysely's
 * single-connection mutex (nor sees another request's uncommitted rows).
 */
export function openSqliteReader(path: string): RootReader {
  const handle = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  handle.pragma('busy_timeout = 5000')
  const statements = new Map<string, { readonly statement: BetterSqlite3.Statement; readonly columns?: readonly string[] }>()
  return {
    all(sql, parameters) {
      let prepared = statements.get(sql)
      if (!prepared) {
        // Rows as arrays, made into objects here: better-sqlite3 builds a row
        // object through one V8 API call per column, a quarter slower than JS
        // (20 rows: 40 → 30 µs in a loop).
        const statement = handle.prepare(sql).raw(true)
        // SQLite silently re-prepares a statement whose tables another connection
        // altered, and a `*` then expands to the new columns: such a statement's
        // names are read after every run. Named columns cannot change that way.
        prepared = { statement, columns: sql.includes('*') ? undefined : columnNames(statement) }
        statements.set(sql, prepared)
      }
      const rows = prepared.statement.all(...parameters) as unknown[][]
      return toObjects(rows, prepared.columns ?? columnNames(prepared.statement))
    },
    close: () => handle.close(),
  }
}

function columnNames(statement: BetterSqlite3.Statement): string[] {
  return statement.columns().map((column) => column.name)
}

/** Rows given as arrays of column values, as objects keyed by column name (a later duplicate name wins, as in better-sqlite3's own rows). */
function toObjects(rows: readonly unknown[][], columns: readonly string[]): Record<string, unknown>[] {
  const objects = new Array<Record<string, unknown>>(rows.length)
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!
    const object: Record<string, unknown> = {}
    for (let c = 0; c < columns.length; c++) object[columns[c]!] = row[c]
    objects[r] = object
  }
  return objects
}

/**
 * Postgres: the pool's connections run each text as a named prepared statement
 * (named after a hash of the text), so the server parses and plans it once per
 * connection instead of on every call, which Kysely's unnamed queries cost.
 * (A pooler in front of Postgres must support prepared statements, as PgBouncer
 * 1.21+ does with `max_prepared_statements`.)
 */
export function openPostgresReader(pool: pg.Pool): RootReader {
  const names = new Map<string, string>()
  let generation = 0
  const nameOf = (sql: string) => `checkpost_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}_${generation}`
  return {
    async all(sql, parameters) {
      let name = names.get(sql)
      if (!name) names.set(sql, (name = nameOf(sql)))
      try {
        return (await pool.query({ name, text: sql, values: parameters as unknown[] })).rows
      } catch (error) {
        if (!isStalePlan(error)) throw error
        // Another process migrated the table under a `select *` statement: prepare it afresh.
        generation++
        names.delete(sql)
        return (await pool.query(sql, parameters as unknown[])).rows
      }
    },
    // The pool is the database's to close.
    close: () => {},
  }
}

/** Postgres' "cached plan must not change result type" (SQLSTATE 0A000), after a table's columns changed. */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '0A000' && /cached plan/.test(String((error as Error).message))
}

/** Ties a reader to the root Kysely instance it reads for (never to a transaction). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerRootReader(db: Kysely<any>, reader: RootReader): void {
  readers.set(db, reader)
}

/** The reader for this exact Kysely instance, if it is a root database (not a transaction). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rootReaderFor(db: Kysely<any>): RootReader | undefined {
  return readers.get(db)
}
