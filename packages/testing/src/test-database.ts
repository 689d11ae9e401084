import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { createDatabase, type Database, type Engine } from '@checkpost/db'
import { sql } from 'kysely'
import pg from 'pg'

/** A database for one test file, removed by `dispose`. */
export interface TestDatabase {
  readonly database: Database
  /** The CHECKPOST_DATABASE_URL a child process would use to reach the same data. */
  readonly url: string
  /** Extra env a child process needs (the Postgres schema). */
  readonly env: Readonly<Record<string, string>>
  dispose(): Promise<void>
}

export const POSTGRES_URL = process.env.CHECKPOST_TEST_POSTGRES_URL

/** Engines to run tests on, with the reason when one is skipped. */
export const TEST_ENGINES: ReadonlyArray<{ engine: Engine; skip?: string }> = [
  { engine: 'sqlite' },
  { engine: 'postgres', skip: POSTGRES_URL ? undefined : 'CHECKPOST_TEST_POSTGRES_URL is unset' },
]

/**
 * A fresh, real database: a new SQLite file in a temp folder, or a new schema
 * on the Postgres server named by CHECKPOST_TEST_POSTGRES_URL.
 */
export async function createTestDatabase(engine: Engine = 'sqlite'): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'checkpost-test-'))
    const url = `sqlite:${join(dir, 'checkpost.db')}`
    const database = createDatabase(url)
    return {
      database,
      url,
      env: {},
      dispose: async () => {
        await database.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  if (!POSTGRES_URL) throw new Error('CHECKPOST_TEST_POSTGRES_URL is unset')
  const schema = `test_${randomUUID().replace(/-/g, '')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const database = createDatabase(POSTGRES_URL, { schema })
  return {
    database,
    url: POSTGRES_URL,
    env: { CHECKPOST_DATABASE_SCHEMA: schema },
    dispose: async () => {
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(database.db).catch(() => {})
      await database.close()
    },
  }
}
