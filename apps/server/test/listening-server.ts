import { createApplication } from '@checkpost/auth-applications-server'
import { runInTransaction } from '@checkpost/db'
import { createLogger, systemClock } from '@checkpost/server'
import { createTestDatabase, type TestDatabase } from '@checkpost/testing'
import type { Engine } from '@checkpost/db'
import { readConfig } from '../src/config.ts'
import { startServer, type StartedServer } from '../src/start-server.ts'

/** The real server app listening on 127.0.0.1, on a fresh database, with an admin key. */
export interface ListeningServer extends AsyncDisposable {
  readonly server: StartedServer
  readonly url: string
  readonly adminKey: string
  readonly testDb: TestDatabase
  readonly logs: string[]
}

export async function startListeningServer(engine: Engine = 'sqlite'): Promise<ListeningServer> {
  const testDb = await createTestDatabase(engine)
  const logs: string[] = []
  const config = readConfig({ HOST: '127.0.0.1', PORT: '0', CHECKPOST_DATABASE_URL: testDb.url, ...testDb.env })
  const server = await startServer(config, createLogger({ level: 'debug', write: (line) => logs.push(line) }))
  const admin = await runInTransaction(server.database, (db) =>
    createApplication(db, { name: 'admin', roleIds: ['admin'], createdBy: 'test' }, systemClock),
  )
  return {
    server,
    url: server.url,
    adminKey: admin.secret,
    testDb,
    logs,
    [Symbol.asyncDispose]: async () => {
      await server.stop()
      await testDb.dispose()
    },
  }
}
