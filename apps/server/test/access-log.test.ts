import { createTestDatabase } from '@checkpost/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAdminKey, postJson } from './support/admin-key.ts'
import { spawnHostProcess, type HostProcess } from './support/host-process.ts'

const ACCESS_FIELDS = ['requestId', 'method', 'path', 'status', 'durationMs']

describe('access log of a real host process', () => {
  let host: HostProcess
  let key: string
  let dispose: () => Promise<void>
  const accessLines = () => host.logLines().filter((line) => line.message === 'request')

  beforeAll(async () => {
    const testDb = await createTestDatabase()
    host = await spawnHostProcess({ CHECKPOST_DATABASE_URL: testDb.url })
    key = await createAdminKey(testDb.url)
    dispose = async () => {
      await host.kill()
      await testDb.dispose()
    }
  })
  afterAll(() => dispose())

  /** Waits until the host has written `count` access lines (its stdout is a pipe). */
  async function linesAfter(count: number) {
    for (let i = 0; i < 100 && accessLines().length < count; i++) await new Promise((r) => setTimeout(r, 20))
    return accessLines()
  }

  it('writes exactly one info line per request, with the fields DESIGN.md pins', async () => {
    const before = accessLines().length
    const status = await postJson(`${host.url}/api/catalog/`, { key, body: { getSystems: {}, getGroups: {} } })
    expect(status).toBe(200)
    const lines = (await linesAfter(before + 1)).slice(before)
    expect(lines).toHaveLength(1)
    const line = lines[0]!
    for (const field of ACCESS_FIELDS) expect(line).toHaveProperty(field)
    expect(line).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/api/catalog/',
      plugin: 'catalog',
      procedures: ['getSystems', 'getGroups'],
      status: 200,
      identity: { kind: 'application', id: key.split('_')[1] },
    })
    expect(typeof line.durationMs).toBe('number')
  })

  it('logs the per-procedure endpoint with its procedure and the request id the caller sent', async () => {
    const before = accessLines().length
    const response = await fetch(`${host.url}/api/catalog/getSystems`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'x-request-id': 'trace-42' },
      body: '{}',
    })
    expect(response.status).toBe(200)
    const [line] = (await linesAfter(before + 1)).slice(before)
    expect(line).toMatchObject({ requestId: 'trace-42', plugin: 'catalog', procedures: ['getSystems'], status: 200 })
  })

  it('logs a refused key with its status and reason, never the key', async () => {
    const wrong = `${key.slice(0, -6)}AAAAAA`
    const before = accessLines().length
    expect(await postJson(`${host.url}/api/catalog/`, { key: wrong, body: { getSystems: {} } })).toBe(401)
    const [line] = (await linesAfter(before + 1)).slice(before)
    expect(line).toMatchObject({ status: 401, plugin: 'catalog', authFailure: 'invalid' })
    expect(line).not.toHaveProperty('identity')
  })

  it('never writes a secret, an authorization header or a cookie, whatever was sent', async () => {
    await fetch(`${host.url}/api/catalog/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, cookie: 'session=cookie-value-123', 'content-type': 'application/json' },
      body: JSON.stringify({ createSystem: { name: 'logged?' } }),
    })
    await linesAfter(accessLines().length + 1)
    const output = host.output()
    expect(output).not.toContain(key.split('_')[2])
    expect(output).not.toContain('cookie-value-123')
    expect(output.toLowerCase()).not.toContain('bearer')
  })

  it('logs requests outside the plugins too, without plugin or identity', async () => {
    const before = accessLines().length
    await fetch(`${host.url}/api/health`)
    const [line] = (await linesAfter(before + 1)).slice(before)
    expect(line).toMatchObject({ method: 'GET', path: '/api/health', status: 200 })
    expect(line).not.toHaveProperty('plugin')
  })
})
