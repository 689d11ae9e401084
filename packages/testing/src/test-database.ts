import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { createDatabase, type Database, type Engine } from '@checkpost/db'
import pg from 'pg'

/** A database for one test file, removed by `dispose`. */
export interface TestDatabase {
  readonly database: Database
  /** The CHECKPOST_DATABASE_URL a child process would use to reach the same data. */
  readonly url: string
  /** Extra env a child process needs besides the URL (none today; kept for callers). */
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
 * A fresh, real database: a new SQLite file in a temp folder, or a new
 * database on the Postgres server named by CHECKPOST_TEST_POSTGRES_URL. A
 * database each (not a schema each): Kysely's migrator introspects every schema
 * of its database, and a schema another test file drops meanwhile made it fail.
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
  const name = `checkpost_test_${randomUUID().replace(/-/g, '')}`
  await onServer(`create database ${name}`)
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  const database = createDatabase(url.toString())
  return {
    database,
    url: url.toString(),
    env: {},
    dispose: async () => {
      await database.close()
      await onServer(`drop database if exists ${name} with (force)`)
    },
  }
}

async function onServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(statement)
  } finally {
    await admin.end()
  }
}
