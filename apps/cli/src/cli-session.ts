import { createDatabase, findOtherInstallations, migrateToLatest, type Database } from '@checkpost/db'
import { plugins, readDatabaseConfig } from '@checkpost/server-app'
import { CliError } from './cli-error.ts'
import type { CliOutput } from './output.ts'

type Env = Readonly<Record<string, string | undefined>>

/** What a command's work receives: the migrated database and where to write. */
export interface CommandContext {
  readonly database: Database
  readonly output: CliOutput
  /** Migrations this run applied, as `{pluginId}/{name}`. */
  readonly applied: readonly string[]
}

/** Opens the database only once a command has parsed and validated its arguments. */
export interface CliSession {
  readonly output: CliOutput
  run(work: (ctx: CommandContext) => Promise<void>): Promise<void>
}

/**
 * A session over `CHECKPOST_DATABASE_URL`: opens, warns about a Postgres
 * installation in another schema, migrates, runs the work, closes.
 */
export function createCliSession(env: Env, output: CliOutput): CliSession {
  return {
    output,
    async run(work) {
      const database = openDatabase(env)
      try {
        await warnAboutOtherSchemas(database, { env, output })
        const reports = await migrateToLatest(database.db, plugins)
        const applied = reports.flatMap((r) => r.results.map((m) => `${r.pluginId}/${m.migrationName}`))
        await work({ database, output, applied })
      } finally {
        await database.close()
      }
    },
  }
}

function openDatabase(env: Env): Database {
  try {
    const config = readDatabaseConfig(env)
    return createDatabase(config.databaseUrl, { schema: config.databaseSchema, poolSize: 2 })
  } catch (error) {
    throw new CliError(`Cannot open database: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function warnAboutOtherSchemas(database: Database, { env, output }: { env: Env; output: CliOutput }): Promise<void> {
  const others = await findOtherInstallations(database.db)
  if (others.length === 0) return
  const current = env.CHECKPOST_DATABASE_SCHEMA || 'the default search path'
  const list = others.map((schema) => `"${schema}"`).join(', ')
  output.err(
    `checkpost: warning: Checkpost tables exist in schema ${list}, but this command uses ${current}; ` +
      `set CHECKPOST_DATABASE_SCHEMA=${others[0]} to work on that installation`,
  )
}
