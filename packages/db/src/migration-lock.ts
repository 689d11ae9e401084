import { setTimeout as sleep } from 'node:timers/promises'
import { PostgresAdapter, sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/** Where a locked migration run works: one dedicated connection, and the schema its bookkeeping lives in. */
export interface MigrationSession {
  readonly db: AnyDb
  /** Postgres: the session's current schema (undefined on SQLite). */
  readonly schema?: string
}

/** First key of Checkpost's Postgres advisory lock for migrations ("ckpt"); the second is the schema. */
export const MIGRATION_LOCK_CLASS = 0x636b7074
/** How long a SQLite process waits for another one's migration run before giving up. */
const SQLITE_LOCK_WAIT_MS = 120_000

/**
 * Runs `work` while holding the database-wide migration lock, so that several
 * processes starting at once migrate exactly once: the first runs the
 * migrations, the others wait, then find nothing pending.
 *
 * Postgres: a session advisory lock on one dedicated connection, keyed by the
 * current schema (schemas migrate independently), released in `finally` and by
 * Postgres itself if the process dies. Kysely's own lock is taken only after it
 * has created its bookkeeping tables, and that creation races.
 *
 * SQLite: the run happens inside one `BEGIN EXCLUSIVE` transaction (SQLite DDL
 * is transactional), retried while another process holds the file's write lock.
 */
export async function withMigrationLock<T>(db: AnyDb, work: (session: MigrationSession) => Promise<T>): Promise<T> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? withPostgresLock(db, work) : withSqliteLock(db, work)
}

function withPostgresLock<T>(db: AnyDb, work: (session: MigrationSession) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    const schema = await currentSchema(connection)
    const key = sql`${sql.lit(MIGRATION_LOCK_CLASS)}, hashtext(${schema})`
    await sql`select pg_advisory_lock(${key})`.execute(connection)
    let result: T
    try {
      result = await work({ db: connection, schema })
    } catch (error) {
      // The first failure is the one to report; a dead connection has released the lock anyway.
      await sql`select pg_advisory_unlock(${key})`.execute(connection).catch(() => {})
      throw error
    }
    await sql`select pg_advisory_unlock(${key})`.execute(connection)
    return result
  })
}

async function currentSchema(connection: AnyDb): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(connection)
  const schema = rows[0]?.schema
  if (!schema) {
    const { rows: path } = await sql<{ search_path: string }>`show search_path`.execute(connection)
    throw new Error(`No schema of the search path "${path[0]?.search_path}" exists; create it first (create schema …)`)
  }
  return schema
}

function withSqliteLock<T>(db: AnyDb, work: (session: MigrationSession) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await beginExclusive(connection)
    try {
      const result = await work({ db: connection })
      await sql`commit`.execute(connection)
      return result
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => {})
      throw error
    }
  })
}

/** BEGIN EXCLUSIVE waits the busy timeout; past that, keep waiting for a slow migration elsewhere. */
async function beginExclusive(connection: AnyDb): Promise<void> {
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS
  for (;;) {
    try {
      await sql`begin exclusive`.execute(connection)
      return
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() > deadline) throw error
      await sleep(50 + Math.random() * 100)
    }
  }
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}
