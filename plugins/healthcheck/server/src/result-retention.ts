import { deleteInBatches, type Database } from '@checkpost/db'
import { createPeriodicTask, type BackgroundTask, type Clock, type Logger } from '@checkpost/server'
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
  const total = await deleteInBatches((limit) => deleteResultsBefore(db, cutoff, limit), BATCH)
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

/** Runs `purgeOldResults` at start and then every `everyMs`, one round at a time. */
export function createResultRetention(options: RetentionOptions): BackgroundTask {
  return createPeriodicTask({
    name: 'healthcheck-retention',
    everyMs: options.everyMs,
    logger: options.logger,
    run: async () => {
      const deleted = await purgeOldResults(options.database, options.clock.now(), options.days)
      if (deleted > 0) options.logger.info('old health check results deleted', { deleted })
    },
  })
}
