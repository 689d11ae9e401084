import { createDatabase, migrateToLatest, redactUrl, type Database } from '@checkpost/db'
import { createHost, createLogger, serveHost, type Logger, type RunningServer } from '@checkpost/server'
import type { ServerConfig } from './config.ts'
import { mountConsole } from './console-site.ts'
import { plugins } from './plugins.ts'

export interface StartedServer extends RunningServer {
  readonly database: Database
  /** Graceful stop: stop accepting, finish in-flight requests, flush, close the database. */
  stop(): Promise<void>
}

/** Opens the database, migrates every plugin, builds the host and listens. */
export async function startServer(config: ServerConfig, logger: Logger = createLogger({ level: config.logLevel })): Promise<StartedServer> {
  const database = createDatabase(config.databaseUrl, { poolSize: config.poolSize, schema: config.databaseSchema })
  try {
    const reports = await migrateToLatest(database.db, plugins)
    const applied = reports.flatMap((r) => r.results.map((m) => `${r.pluginId}/${m.migrationName}`))
    if (applied.length > 0) logger.info('migrations applied', { migrations: applied })
    const host = createHost({ database, plugins, logger, limits: config.limits, settings: process.env, openapi: config.openapi })
    if (config.consoleDir) mountConsole(host.app, config.consoleDir)
    const server = await serveHost(host, { hostname: config.hostname, port: config.port })
    logger.info('checkpost listening', {
      url: server.url,
      database: redactUrl(config.databaseUrl),
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    })
    let stopping: Promise<void> | undefined
    return {
      ...server,
      database,
      stop: () =>
        (stopping ??= (async () => {
          await server.close()
          await database.close()
          logger.info('checkpost stopped')
        })()),
    }
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
}
