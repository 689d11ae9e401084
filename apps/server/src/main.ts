import { createLogger } from '@checkpost/server'
import { readConfig } from './config.ts'
import { startServer } from './start-server.ts'

try {
  const config = readConfig(process.env)
  const logger = createLogger({ level: config.logLevel })
  const server = await startServer(config, logger)
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info('shutting down', { signal })
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { error })
          process.exit(1)
        },
      )
    })
  }
} catch (error) {
  process.stderr.write(`checkpost: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
