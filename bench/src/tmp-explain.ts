import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { createBenchDatabase } from './bench-database.ts'
import { addStatusFixture } from './scale-fixtures.ts'
const dir = mkdtempSync(join(tmpdir(), 'explain-'))
const db = await createBenchDatabase(dir, 'e')
addStatusFixture(db.path, 5000)
const sqlite = new BetterSqlite3(db.path)
const ids = (sqlite.prepare('select id from catalog_systems').all() as { id: string }[]).map((r) => r.id)
const now = new Date().toISOString()
const marks = ids.map(() => '?').join(',')
const live = `cancelled_at is null and completed_at is null and starts_at <= ? and ends_at > ?`
const oldSql = `select * from maintenance_windows where (${live}) and id in (select window_id from maintenance_window_systems where system_id in (${marks})) order by starts_at desc, id desc limit 501`
const newSql = `select * from maintenance_windows where (${live}) and exists (select ws.window_id from maintenance_window_systems as ws where ws.window_id = maintenance_windows.id and ws.system_id in (${marks})) order by starts_at desc, id desc limit 21`
for (const [name, sql] of [['old (IN, page of 500)', oldSql], ['new (EXISTS, limit 20)', newSql]] as const) {
  const args = [now, now, ...ids]
  console.log(name)
  for (const row of sqlite.prepare(`explain query plan ${sql}`).all(...args) as { detail: string }[]) console.log('   ', row.detail)
  const t0 = performance.now()
  for (let i = 0; i < 50; i++) sqlite.prepare(sql).all(...args)
  console.log('    ms/query', ((performance.now() - t0) / 50).toFixed(3))
}
