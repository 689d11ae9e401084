import { sql, type Kysely } from 'kysely'
import type { Database } from './create-database.ts'

/**
 * Runs `work` in one transaction: commit on success, rollback on throw.
 * On SQLite the transaction starts IMMEDIATE, taking the write lock up front so
 * that two processes writing the same file wait on the busy timeout instead of
 * failing with SQLITE_BUSY halfway through.
 */
export async function runInTransaction<T>(
  database: Database,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  work: (trx: Kysely<any>) => Promise<T>,
): Promise<T> {
  if (database.engine === 'postgres') return database.db.transaction().execute(work)
  return database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection)
    try {
      const result = await work(connection)
      await sql`commit`.execute(connection)
      return result
    } catch (error) {
      await sql`rollback`.execute(connection)
      throw error
    }
  })
}
