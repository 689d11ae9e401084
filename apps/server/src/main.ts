import { createLogger } from '@checkpost/server'
import { readConfig } from './config.ts'
import { startServer, type StartedServer } from './start-server.ts'

/** No top-level await: the bundle is CommonJS (see scripts/app-bundle.mjs). */
function fail(error: unknown): never {
  process.stderr.write(`checkpost: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}

try {
  const config = readConfig(process.env)
  const logger = createLogger({ level: config.logLevel })
  let server: StartedServer | undefined
  let shuttingDown = false
  // Installed before starting: a Ctrl-C or SIGTERM while migrating (or right after
  // listening) must still end in a clean exit, not the default signal death.
  // They stay installed: under `pnpm start` a Ctrl-C reaches us twice (from the
  // terminal, then forwarded by pnpm), and the second must not kill a server
  // that is still closing.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (shuttingDown) return
      shuttingDown = true
      logger.info('shutting down', { signal })
      if (!server) {
        // Still starting: nothing was served yet, and migrations run in transactions.
        logger.info('checkpost stopped', { while: 'starting' })
        process.exit(0)
      }
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { error })
          process.exit(1)
        },
      )
    })
  }
  startServer(config, logger).then((started) => (server = started), fail)
} catch (error) {
  fail(error)
}
