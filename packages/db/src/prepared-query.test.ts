import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase, type Database } from './create-database.ts'
import { postgresTestSchemas } from './postgres-test-schemas.ts'
import { prepareQuery } from './prepared-query.ts'
import { runInTransaction } from './run-in-transaction.ts'

const POSTGRES_URL = process.env.CHECKPOST_TEST_POSTGRES_URL

interface ItemTables {
  items: { id: string; name: string }
}

const byName = prepareQuery<'name', Record<string, unknown>>((db, p) =>
  (db as Kysely<ItemTables>).selectFrom('items').selectAll().where('name', '=', p('name')),
)

async function withItems(database: Database): Promise<void> {
  await database.db.schema.createTable('items').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('name', 'text').execute()
  await (database.db as Kysely<ItemTables>).insertInto('items').values({ id: 'a', name: 'alpha' }).execute()
}

/** What every engine's prepared reads must do, root database and transaction alike. */
function preparedReadBehaviour(open: () => Promise<Database>) {
  it('reads committed rows on the root database, the same rows a plain query returns', async () => {
    const database = await open()
    await withItems(database)
    const plain = await (database.db as Kysely<ItemTables>).selectFrom('items').selectAll().where('name', '=', 'alpha').execute()
    for (let i = 0; i < 3; i++) expect(await byName.execute(database.db, { name: 'alpha' })).toEqual(plain)
  })

  it("sees its own transaction's uncommitted rows inside the transaction, and nobody else does", async () => {
    const database = await open()
    await withItems(database)
    await runInTransaction(database, async (trx) => {
      await (trx as Kysely<ItemTables>).insertInto('items').values({ id: 'b', name: 'beta' }).execute()
      expect(await byName.execute(trx, { name: 'beta' })).toHaveLength(1)
      expect(await byName.execute(database.db, { name: 'beta' })).toHaveLength(0)
    })
    expect(await byName.execute(database.db, { name: 'beta' })).toHaveLength(1)
  })
}

describe('prepared reads on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-prepared-'))
  const opened: Database[] = []
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()))
    rmSync(dir, { recursive: true, force: true })
  })
  const open = async () => {
    const database = createDatabase(`sqlite:${join(dir, `${randomUUID()}.db`)}`)
    opened.push(database)
    return database
  }
  preparedReadBehaviour(open)

  it('names the columns afresh after another connection adds or drops one under a prepared `select *`', async () => {
    const database = await open()
    await withItems(database)
    expect(await byName.execute(database.db, { name: 'alpha' })).toEqual([{ id: 'a', name: 'alpha' }])
    // Kysely's connection is not the root reader's: the reader's statement is re-prepared by SQLite.
    await sql`alter table items add column note text default 'n'`.execute(database.db)
    expect(await byName.execute(database.db, { name: 'alpha' })).toEqual([{ id: 'a', name: 'alpha', note: 'n' }])
    await sql`alter table items add column extra text default 'e'`.execute(database.db)
    await sql`alter table items drop column note`.execute(database.db)
    expect(await byName.execute(database.db, { name: 'alpha' })).toEqual([{ id: 'a', name: 'alpha', extra: 'e' }])
  })
})

describe.skipIf(!POSTGRES_URL)(`prepared reads on Postgres${POSTGRES_URL ? '' : ' (skipped: CHECKPOST_TEST_POSTGRES_URL is unset)'}`, () => {
  const schemas = postgresTestSchemas(POSTGRES_URL!)
  const open = async (poolSize = 2) => schemas.open(await schemas.fresh(), poolSize)
  afterAll(() => schemas.dispose())

  preparedReadBehaviour(() => open())

  it('runs a root read as a named prepared statement, planned once per connection', async () => {
    // One connection: pg_prepared_statements lists only the asking session's statements.
    const database = await open(1)
    await withItems(database)
    const statements = sql<{ name: string }>`select name from pg_prepared_statements where name like 'checkpost%'`
    expect((await statements.execute(database.db)).rows).toEqual([])
    await byName.execute(database.db, { name: 'alpha' })
    await byName.execute(database.db, { name: 'alpha' })
    expect((await statements.execute(database.db)).rows).toHaveLength(1)
  })

  it('keeps answering after another process adds a column under a prepared `select *`', async () => {
    const database = await open()
    await withItems(database)
    const before = await byName.execute(database.db, { name: 'alpha' })
    expect(before).toEqual([{ id: 'a', name: 'alpha' }])
    const [schema] = (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows
    await schemas.admin(`alter table ${schema!.schema}.items add column note text default 'n'`)
    // Both pooled connections may hold the old plan: read more times than there are connections.
    for (let i = 0; i < 4; i++) expect(await byName.execute(database.db, { name: 'alpha' })).toEqual([{ id: 'a', name: 'alpha', note: 'n' }])
  })
})
