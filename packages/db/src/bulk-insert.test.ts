import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prepareBulkInsert } from './bulk-insert.ts'
import { createDatabase, type Database } from './create-database.ts'
import { runInTransaction } from './run-in-transaction.ts'

const POSTGRES_URL = process.env.CHECKPOST_TEST_POSTGRES_URL

const ENGINES = [
  { engine: 'sqlite', skip: undefined },
  { engine: 'postgres', skip: POSTGRES_URL ? undefined : 'CHECKPOST_TEST_POSTGRES_URL is unset' },
] as const

const insertItems = prepareBulkInsert('bulk_items', [
  { name: 'id', pgType: 'text' },
  { name: 'n', pgType: 'integer' },
  { name: 'note', pgType: 'text' },
])

// Characters that a Postgres array literal must escape, and some that need no escaping but tempt a bug.
const NOTES = ['plain', 'a "quoted" word', 'back\\slash', '{braces}, comma', 'NULL', '', 'ünïcode 😀', null]

/** `count` rows in order: id `r00042`, n = the index, a note cycling through NOTES. */
function rowsOf(count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => [`r${String(i).padStart(5, '0')}`, i, NOTES[i % NOTES.length]]).flat()
}

async function open(engine: 'sqlite' | 'postgres'): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'checkpost-bulk-'))
    const database = createDatabase(`sqlite:${join(dir, 'bulk.db')}`)
    return { database, dispose: async () => (await database.close(), rmSync(dir, { recursive: true, force: true })) }
  }
  const schema = `test_${randomUUID().replace(/-/g, '')}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL })
    await client.connect()
    await client.query(statement).finally(() => client.end())
  }
  await admin(`create schema ${schema}`)
  const database = createDatabase(POSTGRES_URL!, { schema })
  return { database, dispose: async () => (await database.close(), await admin(`drop schema ${schema} cascade`)) }
}

for (const { engine, skip } of ENGINES) {
  describe.skipIf(skip !== undefined)(`prepareBulkInsert on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let database: Database
    let dispose: () => Promise<void>
    beforeAll(async () => {
      ;({ database, dispose } = await open(engine))
      await database.db.schema
        .createTable('bulk_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('n', 'integer')
        .addColumn('note', 'text')
        .execute()
    })
    afterAll(() => dispose())

    const stored = async () => {
      const rows = await database.db.selectFrom('bulk_items').select(['id', 'n', 'note']).orderBy('id').execute()
      return rows.flatMap((row) => [row.id, row.n === null ? null : Number(row.n), row.note])
    }

    it.each([0, 1, 511, 512, 513, 1_000, 1_999, 5_000])('stores %i rows exactly as given, nulls and escapes included', async (count) => {
      await database.db.deleteFrom('bulk_items').execute()
      await insertItems.execute(database.db, rowsOf(count))
      expect(await stored()).toEqual(rowsOf(count))
    })

    it('leaves nothing when the transaction it ran in rolls back', async () => {
      await database.db.deleteFrom('bulk_items').execute()
      const failing = runInTransaction(database, async (trx) => {
        await insertItems.execute(trx, rowsOf(700))
        await insertItems.execute(trx, ['r00000', 0, 'duplicate id'])
      })
      await expect(failing).rejects.toThrow()
      expect(await stored()).toEqual([])
    })

    it('refuses values that are not whole rows', async () => {
      await expect(insertItems.execute(database.db, ['a', 1])).rejects.toThrow(/not rows of 3/)
    })
  })
}

describe('prepareBulkInsert', () => {
  it('refuses a table or column name that would need quoting, when prepared', () => {
    expect(() => prepareBulkInsert('items; drop table x', [{ name: 'id', pgType: 'text' }])).toThrow(/identifier/)
    expect(() => prepareBulkInsert('items', [{ name: 'Id"', pgType: 'text' }])).toThrow(/identifier/)
    expect(() => prepareBulkInsert('items', [])).toThrow(/no columns/)
  })
})
