import Sqlite from 'better-sqlite3'
import { createTestDatabase } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { spawnHostProcess } from './support/host-process.ts'

async function status(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url)
  return { status: response.status, body: await response.json() }
}

describe('readiness', () => {
  it('fails /api/ready, procedures and sign-in with 503 while migrations wait, keeps /api/health alive, and turns ready once migrated', async () => {
    const testDb = await createTestDatabase()
    const path = testDb.url.slice('sqlite:'.length)
    // Another process holding the write lock: as a second host mid-migration would.
    const blocker = new Sqlite(path)
    blocker.pragma('journal_mode = WAL')
    blocker.exec('begin exclusive')
    const host = await spawnHostProcess({ CHECKPOST_DATABASE_URL: testDb.url }, 'checkpost migrating')
    try {
      expect(await status(`${host.url}/api/ready`)).toEqual({
        status: 503,
        body: { code: 'SERVICE_UNAVAILABLE', message: 'Starting: migrations are running' },
      })
      expect((await status(`${host.url}/api/health`)).status).toBe(200)
      const call = await fetch(`${host.url}/api/catalog/`, { method: 'POST', body: '{}' })
      expect(call.status).toBe(503)
      expect(call.headers.get('retry-after')).toBe('1')
      const signIn = await fetch(`${host.url}/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.com', password: 'not-a-password' }),
        signal: AbortSignal.timeout(20_000),
      })
      expect(signIn.status).toBe(503)
      expect(await signIn.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Starting: migrations are running' })
      blocker.exec('commit')
      let ready = await status(`${host.url}/api/ready`)
      for (let i = 0; i < 100 && ready.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 50))
        ready = await status(`${host.url}/api/ready`)
      }
      expect(ready).toEqual({ status: 200, body: { status: 'ready' } })
    } finally {
      blocker.close()
      await host.kill()
      await testDb.dispose()
    }
  }, 180_000)

  it('exits cleanly (code 0, "checkpost stopped") on SIGTERM while migrations wait', async () => {
    const testDb = await createTestDatabase()
    const blocker = new Sqlite(testDb.url.slice('sqlite:'.length))
    blocker.pragma('journal_mode = WAL')
    blocker.exec('begin exclusive')
    const host = await spawnHostProcess({ CHECKPOST_DATABASE_URL: testDb.url }, 'checkpost migrating')
    try {
      await host.kill('SIGTERM')
      expect(await host.exited).toBe(0)
      expect(host.logLines().map((line) => line.message)).toContain('checkpost stopped')
    } finally {
      blocker.close()
      await testDb.dispose()
    }
  }, 180_000)

  it('fails /api/ready with 503 when the database is unreachable', async () => {
    const { createTestHost } = await import('@checkpost/testing')
    const t = await createTestHost()
    expect((await t.host.app.request('/api/ready')).status).toBe(200)
    await t.db.database.close()
    const down = await t.host.app.request('/api/ready')
    expect(down.status).toBe(503)
    expect(await down.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Database unreachable' })
    await t.host.close()
  })
})
