import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase } from './create-database.ts'
import { migrateToLatest, type Migrations } from './migrate.ts'
import { withMigrationLock } from './migration-lock.ts'
import { postgresTestSchemas } from './postgres-test-schemas.ts'

const POSTGRES_URL = process.env.CHECKPOST_TEST_POSTGRES_URL

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const createTable = (name: string) => ({ up: (db: Kysely<any>) => db.schema.createTable(name).addColumn('id', 'text').execute() })
const probeMigrations: Migrations = { '0001-create-probe': createTable('probe_items') }

describe('SQLite migration runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-db-test-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('leaves nothing half-applied when a migration fails', async () => {
    const database = createDatabase(`sqlite:${join(dir, 'failed.db')}`)
    const migrations: Migrations = {
      '0001-create': createTable('half_applied'),
      '0002-fail': { up: async () => Promise.reject(new Error('boom')) },
    }
    await expect(migrateToLatest(database.db, [{ id: 'probe', migrations }])).rejects.toThrow(/plugin "probe" failed: boom/)
    const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true })
    expect(tables.map((t) => t.name)).toEqual([])
    await database.close()
  })
})

describe.skipIf(!POSTGRES_URL)(`Postgres pool and migration lock${POSTGRES_URL ? '' : ' (skipped: CHECKPOST_TEST_POSTGRES_URL is unset)'}`, () => {
  const schemas = postgresTestSchemas(POSTGRES_URL!)
  const freshSchema = () => schemas.fresh()
  const open = (schema: string, poolSize?: number) => schemas.open(schema, poolSize)
  afterAll(() => schemas.dispose())

  it('opens at most poolSize connections', async () => {
    const database = open(await freshSchema(), 3)
    const pids = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(database.db)
        return rows[0]!.pid
      }),
    )
    expect(new Set(pids).size).toBe(3)
  })

  it('lets one holder at a time into a schema, and does not make other schemas wait', async () => {
    const schema = await freshSchema()
    const [first, second, elsewhere] = [open(schema), open(schema), open(await freshSchema())]
    const events: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let entered!: () => void
    const firstIn = new Promise<void>((resolve) => (entered = resolve))
    const one = withMigrationLock(first.db, async () => {
      events.push('first in')
      entered()
      await held
      events.push('first out')
    })
    await firstIn
    const two = withMigrationLock(second.db, async () => void events.push('second in'))
    await withMigrationLock(elsewhere.db, async () => void events.push('other schema in'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    release()
    await Promise.all([one, two])
    expect(events).toEqual(['first in', 'other schema in', 'first out', 'second in'])
  })

  it('migrates a fresh schema while another schema of the database already holds the same bookkeeping tables', async () => {
    const sources = [{ id: 'probe', migrations: probeMigrations }]
    await migrateToLatest(open(await freshSchema()).db, sources)
    const [report] = await migrateToLatest(open(await freshSchema()).db, sources)
    expect(report!.results.map((r) => [r.migrationName, r.status])).toEqual([['0001-create-probe', 'Success']])
  })

  it('runs each migration once when six databases migrate one schema at once', async () => {
    const schema = await freshSchema()
    const sources = [{ id: 'probe', migrations: probeMigrations }]
    const reports = await Promise.all(Array.from({ length: 6 }, () => migrateToLatest(open(schema, 2).db, sources)))
    expect(reports.flatMap((r) => r.flatMap((p) => p.results)).map((r) => r.migrationName)).toEqual(['0001-create-probe'])
  })
})
