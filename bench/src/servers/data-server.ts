// Data ceiling: a bare Hono route reading the same 20 systems through one
// prepared better-sqlite3 statement per request and returning the same JSON.
// No oRPC, no auth, no Kysely. BENCH_KEY_READ=1 adds the caller's key-row read first.
import { serve } from '@hono/node-server'
import BetterSqlite3 from 'better-sqlite3'
import { Hono } from 'hono'
import { applicationIdOf, KEY_READ, keyRowSql } from './key-row.ts'

interface Row {
  id: string
  name: string
  description: string | null
  metadata: string
  created_at: string
  updated_at: string
}

const db = new BetterSqlite3(process.env.BENCH_DB_PATH!, { readonly: true })
const statement = db.prepare('select * from catalog_systems order by name, id limit 501')
const keyRow = KEY_READ ? db.prepare(keyRowSql('?')) : undefined
const app = new Hono()
app.post('/api/catalog/', async (c) => {
  await c.req.text()
  if (keyRow && !keyRow.get(applicationIdOf(c.req.header('authorization')))) return new Response(null, { status: 401 })
  const page = (statement.all() as Row[]).map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    metadata: JSON.parse(row.metadata),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }))
  // getSystems' first page for `{}`: 500 systems and the cursor after the last when more follow.
  const systems = page.slice(0, 500)
  const last = systems[systems.length - 1]
  const nextCursor = page.length > 500 && last ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url') : null
  return new Response(JSON.stringify({ getSystems: { systems, nextCursor } }), { headers: { 'content-type': 'application/json' } })
})
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) })
process.on('SIGTERM', () => server.close(() => process.exit(0)))
