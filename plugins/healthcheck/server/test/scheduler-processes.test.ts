import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, TEST_ENGINES } from '@checkpost/testing'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { healthcheckPlugin } from '../src/index.ts'
import type { HealthcheckTables } from '../src/tables.ts'
import { spawnSchedulerProcess, type SchedulerProcess } from './fixtures/scheduler-process-handle.ts'
import { eventually, startProbeTarget, type ProbeTarget } from './probe-target.ts'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const FAST = ['/a', '/b', '/c', '/d']
const gapsOf = (times: readonly number[]) => times.slice(1).map((at, i) => at - times[i]!)

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`healthcheck scheduler in several OS processes on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('probes each check once per interval across processes, and takes over from one killed mid-probe once its lease expires', { timeout: 90_000 }, async () => {
      await using target = await startProbeTarget()
      await using t = await createTestHost({ plugins: [catalogPlugin, healthcheckPlugin], engine })
      const systemId = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'fleet' } } })).body.createSystem.id
      const db = t.db.database.db as Kysely<HealthcheckTables>
      // Seeded straight into the table: a 1 s interval (the API's minimum is 10 s) keeps the test short.
      const seed = (path: string, timeoutMs: number, enabled: number) => seedCheck(db, { systemId, url: target.origin + path, timeoutMs, enabled })
      for (const path of FAST) await seed(path, 1000, 1)
      const slowId = await seed('/slow', 2000, 0)
      target.hanging.add('/slow')
      const env = { CHECKPOST_DATABASE_URL: t.db.url, ...t.db.env, CHECKPOST_HEALTHCHECK_TICK_MS: '50', CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS: '127.0.0.0/8' }
      const running: SchedulerProcess[] = []
      const spawn = async () => running[running.push(await spawnSchedulerProcess(env)) - 1]!
      try {
        const [a, b] = [await spawn(), await spawn()]
        await pause(4_000)
        expect(a.output() + b.output()).not.toContain('"level":"warn"')
        expectOncePerInterval(target, 3)

        // A alone claims the slow check, and dies with the probe in flight: its lease runs 2 s + 5 s.
        await b.kill('SIGTERM')
        await db.updateTable('healthcheck_checks').set({ enabled: 1, next_run_at: new Date().toISOString() }).where('id', '=', slowId).execute()
        await eventually(async () => target.hitsOf('/slow').length, (n) => n === 1)
        const claimedAt = target.hitsOf('/slow')[0]!
        await a.kill('SIGKILL')
        const killedAt = Date.now()
        await spawn()
        await pause(claimedAt + 6_500 - Date.now())
        expect(target.hitsOf('/slow')).toHaveLength(1) // never twice: the lease still holds
        await eventually(async () => target.hitsOf('/slow').length, (n) => n === 2, 4_000) // never zero: taken over
        // The fast checks go on after the kill (how soon depends on the new process's start-up, slow under load).
        for (const path of FAST) await eventually(async () => target.hitsOf(path).filter((at) => at > killedAt).length, (n) => n >= 5, 20_000)
        expectOncePerInterval(target, 8)
      } finally {
        for (const process of running) await process.kill('SIGTERM')
      }
    })
  })
}

/** Every fast check was probed at least `min` times, never twice within one interval (1 s, less timing slack). */
function expectOncePerInterval(target: ProbeTarget, min: number): void {
  for (const path of FAST) {
    const times = target.hitsOf(path)
    expect(times.length, path).toBeGreaterThanOrEqual(min)
    expect(Math.min(...gapsOf(times)), `${path} probed twice in one interval`).toBeGreaterThanOrEqual(800)
  }
}

async function seedCheck(db: Kysely<HealthcheckTables>, check: { systemId: string; url: string; timeoutMs: number; enabled: number }) {
  const id = crypto.randomUUID()
  const now = new Date().toISOString()
  await db
    .insertInto('healthcheck_checks')
    .values({
      id,
      system_id: check.systemId,
      name: check.url,
      kind: 'http',
      interval_seconds: 1,
      enabled: check.enabled,
      http_url: check.url,
      http_expected_status: 200,
      http_timeout_ms: check.timeoutMs,
      created_at: now,
      updated_at: now,
      next_run_at: now,
      lease_owner: null,
      lease_expires_at: null,
    })
    .execute()
  return id
}
