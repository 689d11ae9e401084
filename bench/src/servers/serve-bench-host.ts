import { createDatabase } from '@checkpost/db'
import { createHost, createLogger, serveHost, type PluginDefinition } from '@checkpost/server'

/** Serves a host built from the product's own kit on 127.0.0.1 and prints its URL like the real server. */
export async function serveBenchHost(plugins: readonly PluginDefinition[]): Promise<void> {
  const database = createDatabase(process.env.CHECKPOST_DATABASE_URL!)
  const host = createHost({ database, plugins, logger: createLogger({ level: 'warn' }) })
  const server = await serveHost(host, { hostname: '127.0.0.1', port: 0 })
  process.stdout.write(JSON.stringify({ url: server.url }) + '\n')
  process.on('SIGTERM', () => void server.close().then(() => database.close()).then(() => process.exit(0)))
}
