import { fileURLToPath } from 'node:url'
import { createLogger } from '@checkpost/server'
import { readConfig, startServer, type StartedServer } from '@checkpost/server-app'
import { createTestDatabase, type TestDatabase } from '@checkpost/testing'

/** The console as `vite build` wrote it (the global setup builds it first). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../dist', import.meta.url))

/** The real host app on 127.0.0.1 (random port) on a fresh SQLite file, serving the built console. */
export interface ConsoleServer extends AsyncDisposable {
  readonly url: string
  readonly server: StartedServer
  readonly testDb: TestDatabase
}

/** Starts the real server app, as `pnpm start` does, on a database of its own. */
export async function startConsoleServer(): Promise<ConsoleServer> {
  const testDb = await createTestDatabase('sqlite')
  const config = readConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    CHECKPOST_DATABASE_URL: testDb.url,
    CHECKPOST_CONSOLE_DIR: CONSOLE_DIST,
  })
  const server = await startServer(config, createLogger({ level: 'warn' }))
  return {
    url: server.url,
    server,
    testDb,
    async [Symbol.asyncDispose]() {
      await server.stop()
      await testDb.dispose()
    },
  }
}
