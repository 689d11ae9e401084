import { randomUUID } from 'node:crypto'
import { runInTransaction, type Database } from '@checkpost/db'
import type { BackgroundTask, Clock, Logger, PluginMetrics } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { findCheck, toHealthCheck } from './check-repository.ts'
import type { AddressPolicy } from './address-policy.ts'
import { probeHttp } from './http-probe.ts'
import { createProbeSlots, type ProbeLimits } from './probe-slots.ts'
import { insertResults } from './result-repository.ts'
import type { HealthcheckTables } from './tables.ts'

/** What the scheduler needs from the host. */
export interface CheckSchedulerOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
  /** How often due checks are looked for. */
  readonly tickMs: number
  /** Which addresses probes may connect to (SSRF). */
  readonly policy: AddressPolicy
  /** Probes at once, in all and per target. */
  readonly limits: ProbeLimits
  readonly metrics?: PluginMetrics
}

/** Extra lease time past a probe's own timeout before another process may take the check over. */
const LEASE_MARGIN_MS = 5_000
/** Due checks read per query; checks left waiting for their target's share are paged past. */
const DUE_PAGE = 200
/** Bounds the pages read in one tick, whatever races with other processes do. */
const ROUNDS_PER_TICK = 20

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
  const slots = createProbeSlots(options.limits)
  let timer: NodeJS.Timeout | undefined
  let ticking: Promise<void> | undefined
  let lagSeconds = 0
  options.metrics?.gauge({ name: 'checkpost_healthcheck_probes_in_flight', help: 'HTTP probes running in this process', read: () => inFlight.size })
  options.metrics?.gauge({ name: 'checkpost_healthcheck_scheduler_lag_seconds', help: 'How overdue the most overdue due check was at the last tick', read: () => lagSeconds })

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
    const outcome = await probeHttp(check.http!, options.policy)
    await runInTransaction(options.database, async (trx) => {
      // Releasing the lease also tells whether the check still exists (it may have been deleted meanwhile).
      const released = await trx
        .updateTable('healthcheck_checks')
        .set({ lease_owner: null, lease_expires_at: null })
        .where('id', '=', check.id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst()
      const exists = released.numUpdatedRows > 0n || (await findCheck(trx, check.id)) !== undefined
      if (!exists) return
      const observedAt = options.clock.now().toISOString()
      await insertResults(trx, [{ checkId: check.id, ...outcome, observedAt }])
    })
  }

  function launch(check: ReturnType<typeof toHealthCheck>): void {
    const release = slots.take(check.http!.url)
    const probe = run(check)
      .catch((error: unknown) => options.logger.warn('health check probe failed to record', { checkId: check.id, error }))
      .finally(() => {
        release()
        inFlight.delete(probe)
      })
    inFlight.add(probe)
  }

  /**
   * Claims and starts due checks, oldest first, while slots are free. A check
   * whose target has used its share stays due (unclaimed) and is paged past,
   * so checks on other targets behind it still start on time.
   */
  async function tick(): Promise<void> {
    const now = options.clock.now()
    let waiting = 0 // due rows left unclaimed so far: the next page starts after them
    for (let round = 0; round < ROUNDS_PER_TICK && slots.room() > 0; round++) {
      const due = await findDue(now.toISOString(), waiting)
      if (round === 0) lagSeconds = overdueSeconds(due[0]?.next_run_at, now)
      for (const row of due) {
        const check = toHealthCheck(row)
        if (!check.http || !slots.canStart(check.http.url)) waiting++
        else if (await claim(check, now)) launch(check)
      }
      if (due.length < DUE_PAGE) return
    }
  }

  function findDue(at: string, offset: number) {
    return db
      .selectFrom('healthcheck_checks')
      .selectAll()
      .where('kind', '=', 'http')
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', at)]))
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', at)]))
      .orderBy('next_run_at')
      .orderBy('id')
      .limit(DUE_PAGE)
      .offset(offset)
      .execute()
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

function overdueSeconds(nextRunAt: string | null | undefined, now: Date): number {
  return nextRunAt ? Math.max(0, now.getTime() - Date.parse(nextRunAt)) / 1000 : 0
}
