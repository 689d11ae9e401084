// Test support (not exported by the kit): throwaway Postgres schemas for tests
// that open real pools, dropped with everything in them afterwards.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { createDatabase, type Database } from './create-database.ts'

/** Fresh schemas on one Postgres server, databases opened on them, and their cleanup. */
export interface PostgresTestSchemas {
  /** Creates an empty schema named `test_{uuid}` and returns its name. */
  fresh(): Promise<string>
  /** Opens a database (pool of `poolSize`, default 10) on `schema`, closed by `dispose`. */
  open(schema: string, poolSize?: number): Database
  /** Runs `sql` on its own connection (outside every pool opened here). */
  admin(sql: string): Promise<void>
  /** Closes every database opened here and drops every schema made here. */
  dispose(): Promise<void>
}

export function postgresTestSchemas(url: string): PostgresTestSchemas {
  const schemas: string[] = []
  const opened: Database[] = []
  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  return {
    async fresh() {
      const schema = `test_${randomUUID().replace(/-/g, '')}`
      await admin(`create schema ${schema}`)
      schemas.push(schema)
      return schema
    },
    open(schema, poolSize) {
      const database = createDatabase(url, { schema, poolSize })
      opened.push(database)
      return database
    },
    admin,
    async dispose() {
      await Promise.all(opened.map((database) => database.close()))
      for (const schema of schemas) await admin(`drop schema if exists ${schema} cascade`)
    },
  }
}
