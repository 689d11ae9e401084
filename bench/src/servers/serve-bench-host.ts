import { createDatabase } from '@checkpost/db'
import { createHost, createLogger, serveHost, type PluginDefinition } from '@checkpost/server'

/** Serves a host built from the product's own kit on 127.0.0.1:$PORT, stopping like the real server on SIGTERM. */
export async function serveBenchHost(plugins: readonly PluginDefinition[]): Promise<void> {
  const database = createDatabase(process.env.CHECKPOST_DATABASE_URL!)
  const host = createHost({ database, plugins, logger: createLogger({ level: 'warn' }) })
  const server = await serveHost(host, { hostname: '127.0.0.1', port: Number(process.env.PORT) })
  process.on('SIGTERM', () => void server.close().then(() => database.close()).then(() => process.exit(0)))
}
