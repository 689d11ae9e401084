import BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'

/** Synchronous reads of committed data with cached statements. */
export interface SqliteReader {
  all(sql: string, parameters: readonly unknown[]): unknown[]
  close(): void
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readers = new WeakMap<Kysely<any>, SqliteReader>()

/**
 * A second, read-only connection to a WAL database for the hottest reads.
 * WAL lets it read the last committed state while the writer connection is
 * inside someone's transaction, so a request never waits on Kysely's
 * single-connection mutex (nor sees another request's uncommitted rows).
 */
export function openSqliteReader(path: string): SqliteReader {
  const handle = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  handle.pragma('busy_timeout = 5000')
  const statements = new Map<string, BetterSqlite3.Statement>()
  return {
    all(sql, parameters) {
      let statement = statements.get(sql)
      if (!statement) {
        statement = handle.prepare(sql)
        statements.set(sql, statement)
      }
      return statement.all(...parameters)
    },
    close: () => handle.close(),
  }
}

/** Ties a reader to the root Kysely instance it reads for (never to a transaction). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerSqliteReader(db: Kysely<any>, reader: SqliteReader): void {
  readers.set(db, reader)
}

/** The reader for this exact Kysely instance, if it is a root SQLite database. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function sqliteReaderFor(db: Kysely<any>): SqliteReader | undefined {
  return readers.get(db)
}
