// Postgres data ceiling: a bare Hono route reading the same systems through one
// prepared pg query per request (pool of BENCH_POOL_SIZE, as the host's) and
// returning the same JSON. No oRPC, no auth, no Kysely. BENCH_KEY_READ=1 adds
// the caller's key-row read first (a second round trip, as Checkpost makes).
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import pg from 'pg'
import { applicationIdOf, KEY_READ, keyRowSql } from './key-row.ts'

interface Row {
  id: string
  name: string
  description: string | null
  metadata: string
  created_at: string
  updated_at: string
}

const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: Number(process.env.BENCH_POOL_SIZE ?? 10) })
const query = { name: 'bench-get-systems', text: 'select * from catalog_systems order by name, id limit 501' }
const keyRow = { name: 'bench-key-row', text: keyRowSql('$1') }
const app = new Hono()
app.post('/api/catalog/', async (c) => {
  await c.req.text()
  if (KEY_READ && (await pool.query({ ...keyRow, values: [applicationIdOf(c.req.header('authorization'))] })).rows.length === 0) {
    return new Response(null, { status: 401 })
  }
  const { rows } = await pool.query<Row>(query)
  const page = rows.map((row) => ({
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
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))))
