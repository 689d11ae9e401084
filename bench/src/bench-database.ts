import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createDatabase, migrateToLatest } from '@checkpost/db'
import { plugins } from '@checkpost/server-app'
import { hash } from '@node-rs/argon2'
import BetterSqlite3 from 'better-sqlite3'

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const ARGON2ID = 2
export const SYSTEM_COUNT = 20

/** A migrated SQLite file with 20 systems, an admin key, and optionally many more applications. */
export interface BenchDatabase {
  readonly path: string
  readonly url: string
  /** An admin key whose hash uses the product's own argon2 parameters. */
  readonly adminKey: string
  readonly adminId: string
  /** Extra admin keys (cheap hashes) for the growth and active-keys figures. */
  readonly extraKeys: readonly string[]
}

export interface BenchDatabaseOptions {
  /** Applications besides the admin (default 0). */
  readonly applications?: number
  /** How many of them get keys returned in `extraKeys` (default 0). */
  readonly keys?: number
}

function secret(): string {
  return [...randomBytes(43)].map((byte) => BASE62[byte % 62]).join('')
}

/** Builds the database once through the product's migrations, then bulk-inserts fixtures. */
export async function createBenchDatabase(dir: string, name: string, options: BenchDatabaseOptions = {}): Promise<BenchDatabase> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.db`)
  const url = `sqlite:${path}`
  const database = createDatabase(url)
  await migrateToLatest(database.db, plugins)
  await database.close()

  const adminSecret = secret()
  const adminHash = await hash(adminSecret, { algorithm: ARGON2ID })
  // Bulk applications share one secret and one cheap hash: the figures measure the host, not argon2.
  const bulkSecret = secret()
  const bulkHash = await hash(bulkSecret, { algorithm: ARGON2ID, memoryCost: 1024, timeCost: 1 })
  const sqlite = new BetterSqlite3(path)
  const now = new Date().toISOString()
  const adminId = randomUUID()
  const insertApp = sqlite.prepare(
    'insert into auth_applications_applications (id, name, description, secret_hash, created_at, created_by, last_used_at) values (?, ?, null, ?, ?, ?, null)',
  )
  const insertRole = sqlite.prepare('insert into auth_applications_application_roles (application_id, role_id) values (?, ?)')
  const insertSystem = sqlite.prepare(
    'insert into catalog_systems (id, name, description, metadata, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
  )
  const extraKeys: string[] = []
  sqlite.transaction(() => {
    insertApp.run(adminId, 'bench-admin', adminHash, now, 'bench')
    insertRole.run(adminId, 'admin')
    for (let i = 0; i < (options.applications ?? 0); i++) {
      const id = randomUUID()
      insertApp.run(id, `app-${i}`, bulkHash, now, 'bench')
      insertRole.run(id, 'admin')
      if (i < (options.keys ?? 0)) extraKeys.push(`ck_${id}_${bulkSecret}`)
    }
    for (let i = 0; i < SYSTEM_COUNT; i++) {
      const metadata = JSON.stringify({ tier: i % 3, owner: `team-${i % 5}` })
      insertSystem.run(randomUUID(), `system-${String(i).padStart(2, '0')}`, `The system number ${i}`, metadata, now, now)
    }
  })()
  sqlite.close()
  return { path, url, adminKey: `ck_${adminId}_${adminSecret}`, adminId, extraKeys }
}

/** Stored health check results of a bench SQLite file, read on the side. */
export async function countSqliteResults(path: string): Promise<number> {
  const sqlite = new BetterSqlite3(path, { readonly: true })
  try {
    return (sqlite.prepare('select count(*) as n from healthcheck_results').get() as { n: number }).n
  } finally {
    sqlite.close()
  }
}
