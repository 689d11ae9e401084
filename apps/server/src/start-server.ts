import { createDatabase, migrateToLatest, redactUrl, type Database } from '@checkpost/db'
import { createHost, createLogger, serveHost, type Host, type Logger, type RunningServer } from '@checkpost/server'
import type { ServerConfig } from './config.ts'
import { mountConsole } from './console-site.ts'
import { logFirstRunHint } from './first-run-hint.ts'
import { createServerMetrics } from './metrics/create-metrics.ts'
import { listenForMetrics, type MetricsListener } from './metrics/metrics-listener.ts'
import { plugins } from './plugins.ts'

export interface StartedServer extends RunningServer {
  readonly database: Database
  readonly host: Host
  /** The metrics listener's URL, when CHECKPOST_METRICS_PORT is set. */
  readonly metricsUrl?: string
  /** Graceful stop: stop accepting, finish in-flight requests, flush, close the database. */
  stop(): Promise<void>
}

/**
 * Opens the database, listens (health answers, readiness fails), migrates every
 * plugin, then serves: `/api/ready` turns 200 and background tasks start.
 */
export async function startServer(config: ServerConfig, logger: Logger = createLogger({ level: config.logLevel })): Promise<StartedServer> {
  const database = createDatabase(config.databaseUrl, { poolSize: config.poolSize, schema: config.databaseSchema })
  let metricsListener: MetricsListener | undefined
  let server: RunningServer | undefined
  try {
    const metrics = config.metrics ? createServerMetrics(database) : undefined
    const host = createHost({
      database,
      plugins,
      logger,
      limits: config.limits,
      settings: process.env,
      observer: metrics?.observer,
      metrics: metrics?.plugins,
      startsUnready: true,
      openapi: config.openapi,
    })
    if (config.consoleDir) mountConsole(host.app, config.consoleDir)
    server = await serveHost(host, { hostname: config.hostname, port: config.port })
    if (metrics && config.metrics) metricsListener = await listenForMetrics(metrics.registry, config.metrics)
    logger.info('checkpost migrating', { url: server.url })
    await migrate(database, logger)
    host.start()
    logger.info('checkpost listening', {
      url: server.url,
      database: redactUrl(config.databaseUrl),
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
      ...(metricsListener ? { metrics: metricsListener.url } : {}),
    })
    await logFirstRunHint(database, { logger, pluginIds: plugins.map((plugin) => plugin.id) })
    return started({ server, host, database, metricsListener, logger })
  } catch (error) {
    await server?.close().catch(() => {})
    await metricsListener?.close().catch(() => {})
    await database.close().catch(() => {})
    throw error
  }
}

async function migrate(database: Database, logger: Logger): Promise<void> {
  const reports = await migrateToLatest(database.db, plugins)
  const applied = reports.flatMap((r) => r.results.map((m) => `${r.pluginId}/${m.migrationName}`))
  if (applied.length > 0) logger.info('migrations applied', { migrations: applied })
}

interface Parts {
  readonly server: RunningServer
  readonly host: Host
  readonly database: Database
  readonly metricsListener: MetricsListener | undefined
  readonly logger: Logger
}

function started({ server, host, database, metricsListener, logger }: Parts): StartedServer {
  let stopping: Promise<void> | undefined
  return {
    ...server,
    database,
    host,
    metricsUrl: metricsListener?.url,
    stop: () =>
      (stopping ??= (async () => {
        await server.close()
        await metricsListener?.close()
        await database.close()
        logger.info('checkpost stopped')
      })()),
  }
}
