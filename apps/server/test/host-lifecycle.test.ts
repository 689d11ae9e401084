import { catalogPlugin } from '@checkpost/catalog-server'
import { createHost, definePlugin, implementPlugin } from '@checkpost/server'
import { proc } from '@checkpost/contract'
import { createTestDatabase, createTestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { spawnHostProcess } from './support/host-process.ts'
import { startListeningServer } from './listening-server.ts'

async function post(url: string, key: string, body: unknown) {
  const response = await fetch(`${url}/api/catalog/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

describe('host lifecycle', () => {
  it('a second host process on the same SQLite file refuses a regenerated key at once', async () => {
    await using a = await startListeningServer()
    const b = await spawnHostProcess({ CHECKPOST_DATABASE_URL: a.testDb.url })
    try {
      expect((await post(b.url, a.adminKey, { getSystems: {} })).status).toBe(200)
      const adminId = a.adminKey.split('_')[1]!
      const regenerated = await fetch(`${a.url}/api/auth-applications/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${a.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ regenerateApplicationSecret: { applicationId: adminId } }),
      })
      const fresh = ((await regenerated.json()) as { regenerateApplicationSecret: { secret: string } }).regenerateApplicationSecret.secret
      expect((await post(b.url, a.adminKey, { getSystems: {} })).status).toBe(401)
      expect((await post(b.url, fresh, { getSystems: {} })).status).toBe(200)
    } finally {
      await b.kill('SIGKILL')
    }
  })

  it('shuts down on SIGTERM: exits 0 and writes pending lastUsedAt first', async () => {
    await using a = await startListeningServer()
    const b = await spawnHostProcess({ CHECKPOST_DATABASE_URL: a.testDb.url })
    expect((await post(b.url, a.adminKey, { getSystems: {} })).status).toBe(200)
    await b.kill('SIGTERM')
    expect(await b.exited).toBe(0)
    const row = await a.server.database.db
      .selectFrom('auth_applications_applications')
      .select('last_used_at')
      .where('id', '=', a.adminKey.split('_')[1]!)
      .executeTakeFirstOrThrow()
    expect(row.last_used_at).not.toBeNull()
  })

  it('exits non-zero with a one-line message for a bad database URL', async () => {
    await expect(spawnHostProcess({ CHECKPOST_DATABASE_URL: 'mysql://x' })).rejects.toThrow(/Unsupported database URL scheme/)
  })

  it('answers /api/health 200 with the database reachable and 503 when not', async () => {
    const t = await createTestHost({ plugins: [catalogPlugin] })
    const up = await t.host.app.request('/api/health')
    expect(up.status).toBe(200)
    await t.db.database.close()
    const down = await t.host.app.request('/api/health')
    expect(down.status).toBe(503)
    expect(await down.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Database unreachable' })
    await t.host.close()
  })

  it('refuses at startup a procedure that declares no access rule and is not public', async () => {
    const contract = { open: proc.input(z.object({})).output(z.object({})) }
    const plugin = definePlugin({
      id: 'careless',
      contract,
      accessRules: [],
      migrations: {},
      router: () => {
        const os = implementPlugin<Record<string, never>>()(contract)
        return os.router({ open: os.open.handler(() => ({})) })
      },
    })
    const { authApplicationsPlugin } = await import('@checkpost/auth-applications-server')
    const testDb = await createTestDatabase()
    try {
      expect(() => createHost({ database: testDb.database, plugins: [authApplicationsPlugin, plugin] })).toThrow(
        'careless.open declares no access rule; add one or mark it public',
      )
    } finally {
      await testDb.dispose()
    }
  })
})
