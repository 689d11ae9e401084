/**
 * How getStatus's time depends on maintenance windows of *other* systems:
 * one system with 20 push checks (one result each), plus `windows` windows in
 * progress on an unrelated system, through the real host on a SQLite file (or
 * Postgres). The windows are inserted straight into the table (the API would
 * take minutes for 5,000); two go through scheduleWindow as a sanity check.
 * Run: npx tsx scripts/measure-status-windows.ts [windows] [sqlite|postgres]
 */
import { randomUUID } from 'node:crypto'
import { catalogPlugin } from '@checkpost/catalog-server'
import { maintenancePlugin } from '@checkpost/maintenance-server'
import { createTestHost } from '@checkpost/testing'
import { healthcheckPlugin } from '../src/index.ts'

const windows = Number(process.argv[2] ?? 5000)
const engine = process.argv[3] === 'postgres' ? 'postgres' : 'sqlite'

await using t = await createTestHost({ plugins: [catalogPlugin, maintenancePlugin, healthcheckPlugin], engine })
const call = async (path: string, body: unknown) => {
  const response = await t.call(path, { key: t.adminKey, body })
  if (response.status !== 200) throw new Error(JSON.stringify(response.body))
  return Object.values(response.body as Record<string, { id: string }>)[0]!
}
const watched = (await call('catalog/', { createSystem: { name: 'watched' } })).id
const other = (await call('catalog/', { createSystem: { name: 'other' } })).id
for (let c = 0; c < 20; c++) {
  const id = (await call('healthcheck/', { createHealthCheck: { systemId: watched, name: `check ${c}`, kind: 'push' } })).id
  await call('healthcheck/', { reportResults: { results: [{ healthCheckId: id, status: 'healthy' }] } })
}
const now = t.clock.now().getTime()
const startsAt = new Date(now - 3_600_000).toISOString()
const endsAt = new Date(now + 3_600_000).toISOString()
for (let i = 0; i < Math.min(2, windows); i++) await call('maintenance/', { scheduleWindow: { title: `w${i}`, systemIds: [other], startsAt, endsAt } })
const db = t.db.database.db
for (let i = 2; i < windows; i += 500) {
  const rows = Array.from({ length: Math.min(500, windows - i) }, () => randomUUID())
  const at = new Date(now).toISOString()
  const base = { title: 'bulk', description: null, starts_at: startsAt, ends_at: endsAt, cancelled_at: null, completed_at: null, created_at: at, updated_at: at }
  await db.insertInto('maintenance_windows').values(rows.map((id) => ({ id, ...base }))).execute()
  await db.insertInto('maintenance_window_systems').values(rows.map((id) => ({ window_id: id, system_id: other }))).execute()
}
// Let the database settle after the bulk insert (Postgres's autovacuum analyses the new rows), then warm up.
await new Promise((resolve) => setTimeout(resolve, 3000))
for (let i = 0; i < 5; i++) await call('healthcheck/', { getStatus: {} })
const times: number[] = []
for (let i = 0; i < 21; i++) {
  const start = performance.now()
  await call('healthcheck/', { getStatus: {} })
  times.push(performance.now() - start)
}
times.sort((a, b) => a - b)
process.stdout.write(`${engine}: ${windows} in-progress windows on another system; getStatus median ${times[10]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)})\n`)
