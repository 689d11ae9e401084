import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '@checkpost/server'
import { createTestDatabase } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../src/config.ts'
import { startServer } from '../src/start-server.ts'

const INDEX = '<!doctype html><title>console</title><div id="root"></div>'

/** The real server app on a fresh SQLite file, serving a console folder written here. */
async function startWithConsole(options: { built: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-console-'))
  if (options.built) {
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), INDEX)
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)')
  }
  const testDb = await createTestDatabase('sqlite')
  const config = readConfig({ HOST: '127.0.0.1', PORT: '0', CHECKPOST_DATABASE_URL: testDb.url, CHECKPOST_CONSOLE_DIR: dir })
  const server = await startServer(config, createLogger({ level: 'error', write: () => {} }))
  return {
    url: server.url,
    async [Symbol.asyncDispose]() {
      await server.stop()
      await testDb.dispose()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe('the web console at /', () => {
  it('serves index.html at / without caching it, with a self-only content security policy', async () => {
    await using s = await startWithConsole({ built: true })
    const response = await fetch(`${s.url}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await response.text()).toBe(INDEX)
  })

  it('serves index.html for a console route the browser asks for directly (SPA fallback)', async () => {
    await using s = await startWithConsole({ built: true })
    const response = await fetch(`${s.url}/settings/applications`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(INDEX)
  })

  it('serves hashed assets cached for good, and 404s an absent one instead of sending the page', async () => {
    await using s = await startWithConsole({ built: true })
    const asset = await fetch(`${s.url}/assets/app-1234.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toBe('console.log(1)')
    expect((await fetch(`${s.url}/assets/missing.js`)).status).toBe(404)
  })

  it('leaves the API alone: an unknown GET under /api/ is still the JSON 404 with a request id', async () => {
    await using s = await startWithConsole({ built: true })
    const response = await fetch(`${s.url}/api/catalog/getSystems`)
    expect(response.status).toBe(404)
    expect(response.headers.get('x-request-id')).toBeTruthy()
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' })
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200)
  })

  it('refuses a path that climbs out of the console folder', async () => {
    await using s = await startWithConsole({ built: true })
    const response = await fetch(`${s.url}/assets/..%2f..%2fetc%2fpasswd`)
    expect(await response.text()).not.toContain('root:')
  })

  it('says how to build the console when it is missing, while the API keeps working', async () => {
    await using s = await startWithConsole({ built: false })
    const response = await fetch(`${s.url}/`)
    expect(response.status).toBe(503)
    expect(await response.text()).toContain('pnpm build')
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200)
  })
})
