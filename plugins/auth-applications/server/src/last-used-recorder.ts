import type { Clock, Logger } from '@checkpost/server'
import { runInTransaction, type Database } from '@checkpost/db'
import { recordLastUsed, type LastUse } from './application-repository.ts'

/** Stored lastUsedAt values younger than this are not rewritten (unless the address changed). */
const FRESH_MS = 45_000
/** How often pending values are written. FRESH_MS + FLUSH_MS keeps lastUsedAt within a minute. */
const FLUSH_MS = 15_000

export interface LastUsedRecorderOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
}

/** One use as the authenticator saw it: what is stored, and the address of this request. */
export interface Use {
  readonly stored: { readonly at: string | null; readonly ip: string | null }
  readonly ip: string
}

/**
 * Keeps applications' lastUsedAt and last source address current to within a
 * minute without a write per request: uses are coalesced in memory and
 * written in one transaction.
 */
export function createLastUsedRecorder({ database, clock, logger }: LastUsedRecorderOptions) {
  let pending = new Map<string, LastUse>()
  let timer: NodeJS.Timeout | undefined

  function touch(applicationId: string, use: Use): void {
    const now = clock.now()
    const { at, ip } = use.stored
    if (at !== null && ip === use.ip && now.getTime() - Date.parse(at) < FRESH_MS) return
    pending.set(applicationId, { at: now.toISOString(), ip: use.ip })
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
      for (const [id, use] of batch) if (!pending.has(id)) pending.set(id, use)
      timer ??= setTimeout(() => void flush(), FLUSH_MS).unref()
    }
  }

  return { touch, flush }
}
