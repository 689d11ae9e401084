import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * Postgres: the schemas other than the current one that hold Checkpost tables
 * (a migration bookkeeping table), e.g. an installation in `checkpost` while
 * this connection points at `public`. Always empty on SQLite.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function findOtherInstallations(db: Kysely<any>): Promise<string[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return []
  const { rows } = await sql<{ schema: string }>`
    select distinct table_schema as schema from information_schema.tables
    where table_name like 'checkpost\\_migrations\\_%' and table_schema is distinct from current_schema()
    order by table_schema`.execute(db)
  return rows.map((row) => row.schema)
}
