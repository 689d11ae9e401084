import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely'
import { allMigrationsApplied, migrationTableName } from './applied-migrations.ts'
import { withMigrationLock, type MigrationSession } from './migration-lock.ts'

/** A plugin's migrations, keyed by name; names sort in the order they run. */
export type Migrations = Record<string, Migration>

/** What a migration run needs to know of a plugin. */
export interface MigrationSource {
  readonly id: string
  readonly migrations: Migrations
}

/** One plugin's outcome; `error` is set when a migration failed. */
export interface MigrationReport {
  readonly pluginId: string
  readonly results: readonly MigrationResult[]
  readonly error?: unknown
}

/**
 * Runs every plugin's pending migrations, in the order given. Each plugin keeps
 * its own bookkeeping table, so plugins migrate independently. The whole run
 * holds the migration lock (see `withMigrationLock`), so several processes
 * starting at once against one database migrate exactly once. When nothing is
 * pending (one query tells), neither the lock nor Kysely's Migrator is used.
 * Returns the reports; throws the first failure after reporting it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, sources: readonly MigrationSource[]): Promise<MigrationReport[]> {
  if (await allMigrationsApplied(db, sources)) return sources.map((source) => ({ pluginId: source.id, results: [] }))
  return withMigrationLock(db, async (session) => {
    const reports: MigrationReport[] = []
    for (const source of sources) {
      const { error, results } = await migratorFor(session, source).migrateToLatest()
      reports.push({ pluginId: source.id, results: results ?? [], error })
      if (error) {
        throw new Error(`Migrations of plugin "${source.id}" failed: ${errorMessage(error)}`, { cause: error })
      }
    }
    return reports
  })
}

function migratorFor(session: MigrationSession, source: MigrationSource): Migrator {
  return new Migrator({
    db: session.db,
    provider: { getMigrations: async () => source.migrations },
    migrationTableName: migrationTableName(source.id),
    migrationLockTableName: `checkpost_migration_lock_${source.id.replace(/-/g, '_')}`,
    // Kysely looks its bookkeeping tables up in every schema unless told which:
    // pin it to ours, or a same-named table in another schema would be taken for it.
    migrationTableSchema: session.schema,
  })
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
