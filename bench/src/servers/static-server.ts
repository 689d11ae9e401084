// Static ceiling: a bare Hono route on @hono/node-server answering the same
// bytes from memory. No oRPC, no auth, no database.
import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const bytes = readFileSync(process.env.BENCH_RESPONSE_FILE!, 'utf8')
const app = new Hono()
app.post('/api/catalog/', () => new Response(bytes, { headers: { 'content-type': 'application/json' } }))
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) })
process.on('SIGTERM', () => server.close(() => process.exit(0)))
