import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { allMigrationsApplied } from './applied-migrations.ts'
import { createDatabase, type Database } from './create-database.ts'
import { migrateToLatest, type Migrations } from './migrate.ts'
import { postgresTestSchemas } from './postgres-test-schemas.ts'

const POSTGRES_URL = process.env.CHECKPOST_TEST_POSTGRES_URL

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const createTable = (name: string) => ({ up: (db: Kysely<any>) => db.schema.createTable(name).addColumn('id', 'text').execute() })
const first: Migrations = { '0001-create-a': createTable('probe_a') }
const second: Migrations = { ...first, '0002-create-b': createTable('probe_b') }

const dir = mkdtempSync(join(tmpdir(), 'checkpost-applied-'))
const schemas = POSTGRES_URL ? postgresTestSchemas(POSTGRES_URL) : undefined
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await schemas?.dispose()
})

const ENGINES: { name: string; open: () => Promise<Database>; skip: boolean }[] = [
  { name: 'SQLite', open: async () => createDatabase(`sqlite:${join(dir, `${Math.random()}.db`)}`), skip: false },
  { name: 'Postgres', open: async () => schemas!.open(await schemas!.fresh()), skip: !schemas },
]

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`allMigrationsApplied on ${engine.name}`, () => {
    it('is false on a fresh database, true once migrated, false when a migration is added, true after it ran', async () => {
      const database = await engine.open()
      const other = { id: 'other-probe', migrations: { '0001-create-c': createTable('probe_c') } }
      expect(await allMigrationsApplied(database.db, [{ id: 'probe', migrations: first }, other])).toBe(false)
      await migrateToLatest(database.db, [{ id: 'probe', migrations: first }, other])
      expect(await allMigrationsApplied(database.db, [{ id: 'probe', migrations: first }, other])).toBe(true)
      expect(await allMigrationsApplied(database.db, [{ id: 'probe', migrations: second }, other])).toBe(false)
      const [report] = await migrateToLatest(database.db, [{ id: 'probe', migrations: second }, other])
      expect(report!.results.map((result) => result.migrationName)).toEqual(['0002-create-b'])
      expect(await allMigrationsApplied(database.db, [{ id: 'probe', migrations: second }, other])).toBe(true)
      if (engine.name === 'SQLite') await database.close()
    })

    it('is false when the database holds a migration this code does not know (the Migrator reports it)', async () => {
      const database = await engine.open()
      await migrateToLatest(database.db, [{ id: 'probe', migrations: second }])
      expect(await allMigrationsApplied(database.db, [{ id: 'probe', migrations: first }])).toBe(false)
      await expect(migrateToLatest(database.db, [{ id: 'probe', migrations: first }])).rejects.toThrow(/0002-create-b/)
      if (engine.name === 'SQLite') await database.close()
    })
  })
}

describe.skipIf(!schemas)('allMigrationsApplied on Postgres with a search path of two schemas', () => {
  it('does not take the migrated schema further down the path for the current, empty one', async () => {
    const [current, further] = [await schemas!.fresh(), await schemas!.fresh()]
    await migrateToLatest(schemas!.open(further).db, [{ id: 'probe', migrations: first }])
    const url = new URL(POSTGRES_URL!)
    url.searchParams.set('options', `-c search_path=${current},${further}`)
    const database = createDatabase(url.toString())
    try {
      const { rows } = await sql<{ search_path: string }>`show search_path`.execute(database.db)
      expect(rows[0]!.search_path.replace(/\s/g, '')).toBe(`${current},${further}`)
      expect(await allMigrationsApplied(database.db, [{ id: 'probe', migrations: first }])).toBe(false)
    } finally {
      await database.close()
    }
  })
})
