import { randomUUID } from 'node:crypto'
import { runInTransaction, type Database } from '@checkpost/db'
import type { BackgroundTask, Clock, Logger } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { toHealthCheck } from './check-repository.ts'
import { probeHttp } from './http-probe.ts'
import { insertResults } from './result-repository.ts'
import type { HealthcheckTables } from './tables.ts'

export interface CheckSchedulerOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
  /** How often due checks are looked for. */
  readonly tickMs: number
}

/** Extra lease time past a probe's own timeout before another process may take the check over. */
const LEASE_MARGIN_MS = 5_000
const CLAIMS_PER_TICK = 50

/**
 * Runs enabled http checks on their interval. Several processes may share the
 * database: each due check is claimed by one conditional UPDATE (next run
 * moved forward, lease taken), so exactly one process probes it per interval;
 * a lease left by a dead process expires and the check is taken over.
 */
export function createCheckScheduler(options: CheckSchedulerOptions): BackgroundTask {
  const db = options.database.db as Kysely<HealthcheckTables>
  const owner = randomUUID()
  const inFlight = new Set<Promise<void>>()
  let timer: NodeJS.Timeout | undefined
  let ticking: Promise<void> | undefined

  async function claim(check: ReturnType<typeof toHealthCheck>, now: Date): Promise<boolean> {
    const { id, intervalSeconds } = check
    const timeoutMs = check.http!.timeoutMs
    const at = now.toISOString()
    const result = await db
      .updateTable('healthcheck_checks')
      .set({
        lease_owner: owner,
        lease_expires_at: new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS).toISOString(),
        next_run_at: new Date(now.getTime() + intervalSeconds * 1000).toISOString(),
      })
      .where('id', '=', id)
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', at)]))
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', at)]))
      .executeTakeFirst()
    return result.numUpdatedRows === 1n
  }

  async function run(check: ReturnType<typeof toHealthCheck>): Promise<void> {
    const outcome = await probeHttp(check.http!)
    await runInTransaction(options.database, async (trx) => {
      const observedAt = options.clock.now().toISOString()
      await insertResults(trx, [{ checkId: check.id, ...outcome, observedAt }])
      await trx
        .updateTable('healthcheck_checks')
        .set({ lease_owner: null, lease_expires_at: null })
        .where('id', '=', check.id)
        .where('lease_owner', '=', owner)
        .execute()
    })
  }

  async function tick(): Promise<void> {
    const now = options.clock.now()
    const at = now.toISOString()
    const due = await db
      .selectFrom('healthcheck_checks')
      .selectAll()
      .where('kind', '=', 'http')
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', at)]))
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', at)]))
      .orderBy('next_run_at')
      .limit(CLAIMS_PER_TICK)
      .execute()
    for (const row of due) {
      const check = toHealthCheck(row)
      if (!check.http || !(await claim(check, now))) continue
      const probe = run(check)
        .catch((error: unknown) => options.logger.warn('health check probe failed to record', { checkId: check.id, error }))
        .finally(() => inFlight.delete(probe))
      inFlight.add(probe)
    }
  }

  function schedule(): void {
    timer = setTimeout(() => {
      ticking = tick()
        .catch((error: unknown) => options.logger.warn('health check scheduler tick failed', { error }))
        .finally(() => {
          ticking = undefined
          if (timer) schedule()
        })
    }, options.tickMs)
    timer.unref()
  }

  return {
    name: 'healthcheck-scheduler',
    start: () => {
      if (!timer) schedule()
    },
    async stop() {
      clearTimeout(timer)
      timer = undefined
      await ticking
      await Promise.all(inFlight)
    },
  }
}
