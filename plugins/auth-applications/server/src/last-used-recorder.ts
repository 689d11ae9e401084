import type { Clock, Logger } from '@checkpost/server'
import { runInTransaction, type Database } from '@checkpost/db'
import { recordLastUsed } from './application-repository.ts'

/** Stored lastUsedAt values younger than this are not rewritten. */
const FRESH_MS = 45_000
/** How often pending values are written. FRESH_MS + FLUSH_MS keeps lastUsedAt within a minute. */
const FLUSH_MS = 15_000

export interface LastUsedRecorderOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
}

/**
 * Keeps applications' lastUsedAt current to within a minute without a write
 * per request: uses are coalesced in memory and written in one transaction.
 */
export function createLastUsedRecorder({ database, clock, logger }: LastUsedRecorderOptions) {
  let pending = new Map<string, string>()
  let timer: NodeJS.Timeout | undefined

  function touch(applicationId: string, storedLastUsedAt: string | null): void {
    const now = clock.now()
    if (storedLastUsedAt !== null && now.getTime() - Date.parse(storedLastUsedAt) < FRESH_MS) return
    pending.set(applicationId, now.toISOString())
    timer ??= setTimeout(() => void flush(), FLUSH_MS).unref()
  }

  async function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    if (pending.size === 0) return
    const batch = pending
    pending = new Map()
    try {
      await runInTransaction(database, (trx) => recordLastUsed(trx, batch))
    } catch (error) {
      logger.warn('could not record lastUsedAt; will retry', { error, applications: batch.size })
      for (const [id, at] of batch) if (!pending.has(id)) pending.set(id, at)
      timer ??= setTimeout(() => void flush(), FLUSH_MS).unref()
    }
  }

  return { touch, flush }
}
