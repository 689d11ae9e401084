import { deleteInBatches, type Database } from '@checkpost/db'
import { createPeriodicTask, intSetting, type BackgroundTask, type PluginDeps } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { deleteAuditEntriesBefore } from './audit-repository.ts'
import type { AuthApplicationsTables } from './tables.ts'

const BATCH = 1_000
const DAY_MS = 86_400_000
const DEFAULT_DAYS = 365
const HOUR_MS = 3_600_000

/**
 * Deletes entries older than `days`, a bounded batch per statement, yielding
 * between batches so requests keep flowing. Returns how many were deleted.
 */
export async function purgeOldAuditEntries(database: Database, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString()
  const db = database.db as Kysely<AuthApplicationsTables>
  return deleteInBatches((limit) => deleteAuditEntriesBefore(db, cutoff, limit), BATCH)
}

/** `CHECKPOST_AUDIT_RETENTION_DAYS` (default 365; a whole number ≥ 1); throws at startup otherwise. */
export function auditRetentionDays(settings: PluginDeps['settings']): number {
  return intSetting(settings, 'CHECKPOST_AUDIT_RETENTION_DAYS', { fallback: DEFAULT_DAYS })
}

/** The hourly retention task of the audit log. */
export function createAuditRetention({ database, clock, logger, settings }: PluginDeps): BackgroundTask {
  const days = auditRetentionDays(settings)
  return createPeriodicTask({
    name: 'audit-retention',
    everyMs: HOUR_MS,
    logger,
    run: async () => {
      const deleted = await purgeOldAuditEntries(database, clock.now(), days)
      if (deleted > 0) logger.info('old audit entries deleted', { deleted, days })
    },
  })
}
