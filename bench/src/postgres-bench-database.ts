import { randomUUID } from 'node:crypto'
import { createApplication } from '@checkpost/auth-applications-server'
import { createDatabase, migrateToLatest } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import { plugins } from '@checkpost/server-app'
import pg from 'pg'
import { SYSTEM_COUNT } from './bench-database.ts'

/** A fresh Postgres database with the product's tables, 20 systems and an admin key. */
export interface PostgresBenchDatabase {
  readonly url: string
  readonly adminKey: string
  /** Rows of one table, read on the side (not through the host). */
  count(table: string): Promise<number>
  dispose(): Promise<void>
}

/**
 * Creates `checkpost_bench_{random}` on the server of `serverUrl`, migrates it
 * with every plugin's migrations and adds an admin application through the
 * product's own service (so its key is hashed as the product hashes keys).
 */
export async function createPostgresBenchDatabase(serverUrl: string): Promise<PostgresBenchDatabase> {
  const name = `checkpost_bench_${randomUUID().replace(/-/g, '')}`
  await onServer(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = createDatabase(url.toString())
  try {
    await migrateToLatest(database.db, plugins)
    const admin = await createApplication(database.db, { name: 'bench-admin', roleIds: ['admin'], createdBy: 'bench' }, systemClock)
    const now = new Date().toISOString()
    const systems = Array.from({ length: SYSTEM_COUNT }, (_, i) => ({
      id: randomUUID(),
      name: `system-${String(i).padStart(2, '0')}`,
      description: `The system number ${i}`,
      metadata: JSON.stringify({ tier: i % 3, owner: `team-${i % 5}` }),
      created_at: now,
      updated_at: now,
    }))
    await (database.db as any).insertInto('catalog_systems').values(systems).execute()
    return {
      url: url.toString(),
      adminKey: admin.secret,
      count: async (table) => {
        const row = await (database.db as any).selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst()
        return Number(row?.n ?? 0)
      },
      dispose: async () => {
        await database.close()
        await onServer(serverUrl, `drop database if exists ${name} with (force)`)
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
