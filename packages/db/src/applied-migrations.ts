import { PostgresAdapter, sql, type Kysely } from 'kysely'

/** What the check needs of a plugin: its id and its migrations' names (the keys). */
interface AppliedMigrationsSource {
  readonly id: string
  readonly migrations: Readonly<Record<string, unknown>>
}

/** Kysely's bookkeeping table of one plugin's migrations (`checkpost_migrations_{id with _}`). */
export function migrationTableName(pluginId: string): string {
  return `checkpost_migrations_${pluginId.replace(/-/g, '_')}`
}

/**
 * True when every source's bookkeeping table lists exactly its migrations, in
 * one query and without the migration lock: the common start, where Kysely's
 * Migrator would spend tens of milliseconds introspecting the schema of every
 * plugin to find nothing to do. Any doubt (a table missing, a migration pending
 * or unknown, an error) answers false, and the caller migrates as usual. Applied
 * migrations are never unapplied behind a running start, so a true stays true.
 * On Postgres the tables are those of the current schema, as the Migrator's
 * (not a same-named table further down the search path).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function allMigrationsApplied(db: Kysely<any>, sources: readonly AppliedMigrationsSource[]): Promise<boolean> {
  if (sources.length === 0) return true
  let rows: readonly { plugin: string; name: string }[]
  try {
    const schema = db.getExecutor().adapter instanceof PostgresAdapter ? await currentSchema(db) : undefined
    const table = (id: string) => sql.table(schema ? `${schema}.${migrationTableName(id)}` : migrationTableName(id))
    const selects = sources.map((source) => sql`select ${sql.lit(source.id)} as plugin, name from ${table(source.id)}`)
    rows = (await sql<{ plugin: string; name: string }>`${sql.join(selects, sql` union all `)}`.execute(db)).rows
  } catch {
    return false
  }
  const applied = new Map(sources.map((source) => [source.id, new Set<string>()]))
  for (const row of rows) applied.get(row.plugin)?.add(row.name)
  return sources.every((source) => {
    const names = Object.keys(source.migrations)
    const done = applied.get(source.id)!
    return done.size === names.length && names.every((name) => done.has(name))
  })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  const schema = rows[0]?.schema
  if (!schema) throw new Error('No current schema')
  return schema
}
