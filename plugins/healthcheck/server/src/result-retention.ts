import type { Database } from '@checkpost/db'
import type { BackgroundTask, Clock, Logger } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { deleteResultsBefore } from './result-repository.ts'
import { deleteUptimeHoursBefore } from './uptime-repository.ts'
import type { HealthcheckTables } from './tables.ts'

const BATCH = 5_000
const DAY_MS = 86_400_000

/**
 * Deletes results older than `days`, a bounded batch per statement, yielding
 * between batches so requests keep flowing. Returns how many were deleted.
 */
export async function purgeOldResults(database: Database, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString()
  const db = database.db as Kysely<HealthcheckTables>
  let total = 0
  for (;;) {
    const deleted = await deleteResultsBefore(db, cutoff, BATCH)
    total += deleted
    if (deleted < BATCH) break
    await new Promise((resolve) => setImmediate(resolve))
  }
  await deleteUptimeHoursBefore(db, cutoff)
  return total
}

/** What the retention task needs from the host. */
export interface RetentionOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
  readonly days: number
  readonly everyMs: number
}

/** Runs `purgeOldResults` at start and then every `everyMs`. */
export function createResultRetention(options: RetentionOptions): BackgroundTask {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  const purge = () => {
    running = purgeOldResults(options.database, options.clock.now(), options.days)
      .then((deleted) => deleted > 0 && options.logger.info('old health check results deleted', { deleted }))
      .catch((error: unknown) => options.logger.warn('health check retention failed', { error }))
  }
  return {
    name: 'healthcheck-retention',
    start() {
      if (timer) return
      purge()
      timer = setInterval(purge, options.everyMs).unref()
    },
    async stop() {
      clearInterval(timer)
      timer = undefined
      await running
    },
  }
}
