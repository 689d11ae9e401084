import { randomUUID } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'

const HOUR = 3_600_000

/** Adds `count` systems (named `bulk-00000`…) to a bench SQLite file, in one transaction. */
export function addSystems(path: string, count: number): void {
  const sqlite = new BetterSqlite3(path)
  try {
    const now = new Date().toISOString()
    const insert = sqlite.prepare('insert into catalog_systems (id, name, description, metadata, created_at, updated_at) values (?, ?, null, ?, ?, ?)')
    sqlite.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(randomUUID(), `bulk-${String(i).padStart(5, '0')}`, '{}', now, now)
    })()
  } finally {
    sqlite.close()
  }
}

/**
 * One push health check per system, and `windows` maintenance windows in
 * progress for the next 30 days, each on one system (round-robin), so
 * getStatus has systems to look up windows for.
 */
export function addStatusFixture(path: string, windows: number): void {
  const sqlite = new BetterSqlite3(path)
  try {
    const now = Date.now()
    const at = new Date(now).toISOString()
    const systems = (sqlite.prepare('select id from catalog_systems order by name').all() as { id: string }[]).map((row) => row.id)
    const insertCheck = sqlite.prepare(
      "insert into healthcheck_checks (id, system_id, name, kind, interval_seconds, enabled, created_at, updated_at) values (?, ?, 'ping', 'push', 60, 1, ?, ?)",
    )
    const insertWindow = sqlite.prepare(
      'insert into maintenance_windows (id, title, description, starts_at, ends_at, cancelled_at, completed_at, created_at, updated_at) values (?, ?, null, ?, ?, null, null, ?, ?)',
    )
    const insertWindowSystem = sqlite.prepare('insert into maintenance_window_systems (window_id, system_id) values (?, ?)')
    sqlite.transaction(() => {
      for (const systemId of systems) insertCheck.run(randomUUID(), systemId, at, at)
      for (let i = 0; i < windows; i++) {
        const id = randomUUID()
        // Start times spread over the past hours, as windows opened one after another.
        const startsAt = new Date(now - HOUR - i * 1000).toISOString()
        insertWindow.run(id, `window ${i}`, startsAt, new Date(now + 30 * 24 * HOUR).toISOString(), at, at)
        insertWindowSystem.run(id, systems[i % systems.length])
      }
    })()
  } finally {
    sqlite.close()
  }
}
