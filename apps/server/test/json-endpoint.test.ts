import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { LEAKY_MESSAGE, probePlugin } from './fixtures/probe-plugin.ts'

const SYSTEM_ID = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`JSON endpoint on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = (limits?: { maxBodyBytes?: number; maxBatchKeys?: number }) =>
      createTestHost({ plugins: [catalogPlugin, probePlugin], engine, limits })

    it('runs a batch and answers every key', async () => {
      await using t = await start()
      const response = await t.call('catalog/', { key: t.adminKey, body: { getSystems: {}, getGroups: null } })
      expect(response.status).toBe(200)
      expect(response.body).toEqual({ getSystems: { systems: [], nextCursor: null }, getGroups: { groups: [] } })
    })

    it('serves the same procedures one at a time at /api/{pluginId}/{procedure}', async () => {
      await using t = await start()
      const response = await t.call('catalog/createSystem', { key: t.adminKey, body: { name: 'web' } })
      expect(response.status).toBe(200)
      expect(response.body.name).toBe('web')
      const list = await t.call('catalog/getSystems', { key: t.adminKey, body: {} })
      expect(list.body.systems).toHaveLength(1)
    })

    it('leaves nothing written when the second key of a batch fails', async () => {
      await using t = await start()
      const response = await t.call('catalog/', {
        key: t.adminKey,
        body: { createSystem: { name: 'first' }, updateSystem: { systemId: SYSTEM_ID, name: 'x' } },
      })
      expect(response.status).toBe(404)
      expect(response.body).toMatchObject({ code: 'NOT_FOUND', procedure: 'updateSystem' })
      const list = await t.call('catalog/', { key: t.adminKey, body: { getSystems: {} } })
      expect(list.body.getSystems.systems).toEqual([])
    })

    it('checks every key before running any: a bad input in the last key runs nothing', async () => {
      await using t = await start()
      const response = await t.call('catalog/', {
        key: t.adminKey,
        body: { createSystem: { name: 'first' }, createGroup: { name: '' } },
      })
      expect(response.status).toBe(400)
      expect(response.body).toMatchObject({ code: 'BAD_REQUEST', procedure: 'createGroup', issues: [{ path: 'name' }] })
      const list = await t.call('catalog/', { key: t.adminKey, body: { getSystems: {} } })
      expect(list.body.getSystems.systems).toEqual([])
    })

    it('refuses a whole batch when one key lacks access, before any runs', async () => {
      await using t = await start()
      const { key } = await t.createKey(['catalog.catalog.read'])
      const response = await t.call('catalog/', { key, body: { getSystems: {}, createSystem: { name: 'x' } } })
      expect(response.status).toBe(403)
      expect(response.body).toEqual({ code: 'FORBIDDEN', message: 'Missing access: catalog.catalog.manage', procedure: 'createSystem' })
    })

    describe('error table', () => {
      it('400 for a body that is not JSON', async () => {
        await using t = await start()
        const response = await t.call('catalog/', { key: t.adminKey, body: '{"getSystems": ' })
        expect(response.status).toBe(400)
        expect(response.body).toEqual({ code: 'BAD_REQUEST', message: 'Body is not valid JSON' })
      })

      it('400 for a JSON body that is not an object', async () => {
        await using t = await start()
        for (const body of ['[]', '"getSystems"', '42', 'null']) {
          const response = await t.call('catalog/', { key: t.adminKey, body })
          expect(response.status, body).toBe(400)
          expect(response.body.code).toBe('BAD_REQUEST')
        }
      })

      it('400 for an object with no keys', async () => {
        await using t = await start()
        const response = await t.call('catalog/', { key: t.adminKey, body: {} })
        expect(response.status).toBe(400)
        expect(response.body.message).toBe('Body names no procedure')
      })

      it('400 with issues for input that fails the schema', async () => {
        await using t = await start()
        const response = await t.call('catalog/', { key: t.adminKey, body: { getSystem: { systemId: 'nope' } } })
        expect(response.status).toBe(400)
        expect(response.body).toEqual({
          code: 'BAD_REQUEST',
          message: 'Input validation failed',
          procedure: 'getSystem',
          issues: [{ path: 'systemId', message: expect.any(String) }],
        })
      })

      it('400 with {path, message} issues on the per-procedure endpoint too', async () => {
        await using t = await start()
        const response = await t.call('catalog/getSystem', { key: t.adminKey, body: { systemId: 'nope' } })
        expect(response.status).toBe(400)
        expect(response.body.data.issues).toEqual([{ path: 'systemId', message: expect.any(String) }])
      })

      it('answers the per-procedure endpoint\'s own errors (unknown procedure, 415) in oRPC\'s shape too', async () => {
        await using t = await start()
        const unknown = await t.call('catalog/getSytems', { key: t.adminKey, body: {} })
        expect(unknown.status).toBe(404)
        expect(unknown.body).toEqual({ defined: false, code: 'NOT_FOUND', status: 404, message: 'Unknown procedure "getSytems" in plugin "catalog"' })
        const text = await t.call('catalog/getSystems', { key: t.adminKey, body: '{}', headers: { 'content-type': 'text/plain' } })
        expect(text.body).toMatchObject({ defined: false, code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 })
      })

      it('404 that says to use POST for a GET on an endpoint', async () => {
        await using t = await start()
        const response = await t.host.app.request('/api/catalog/', { method: 'GET' })
        expect(response.status).toBe(404)
        expect(((await response.json()) as { message: string }).message).toBe('No route for GET /api/catalog/ (procedures are called with POST)')
      })

      it('404 for an unknown plugin', async () => {
        await using t = await start()
        const response = await t.call('nope/', { key: t.adminKey, body: { getSystems: {} } })
        expect(response.status).toBe(404)
        expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'Unknown plugin "nope"' })
      })

      it('404 naming an unknown procedure', async () => {
        await using t = await start()
        const response = await t.call('catalog/', { key: t.adminKey, body: { getSystems: {}, getPlanets: {} } })
        expect(response.status).toBe(404)
        expect(response.body).toMatchObject({ code: 'NOT_FOUND', procedure: 'getPlanets' })
      })

      it('404 for an unknown resource', async () => {
        await using t = await start()
        const response = await t.call('catalog/', { key: t.adminKey, body: { getSystem: { systemId: SYSTEM_ID } } })
        expect(response.status).toBe(404)
        expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'System not found', procedure: 'getSystem' })
      })

      it('409 for a role name that is taken', async () => {
        await using t = await start()
        const body = { createRole: { name: 'ops', accessRules: [] } }
        await t.call('auth-applications/', { key: t.adminKey, body })
        const response = await t.call('auth-applications/', { key: t.adminKey, body })
        expect(response.status).toBe(409)
        expect(response.body).toMatchObject({ code: 'CONFLICT', message: 'A role named "ops" already exists' })
      })

      it('413 for a body over the size limit', async () => {
        await using t = await start({ maxBodyBytes: 1000 })
        const response = await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'x', description: 'y'.repeat(2000) } } })
        expect(response.status).toBe(413)
        expect(response.body.code).toBe('PAYLOAD_TOO_LARGE')
      })

      it('413 for a body over the size limit sent without Content-Length', async () => {
        await using t = await start({ maxBodyBytes: 1000 })
        const chunks = new ReadableStream({
          start(controller) {
            for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(500)))
            controller.close()
          },
        })
        const response = await t.host.app.request('/api/catalog/', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
          body: chunks,
          duplex: 'half',
        })
        expect(response.status).toBe(413)
      })

      it('413 for a batch over the key limit', async () => {
        await using t = await start({ maxBatchKeys: 2 })
        const response = await t.call('catalog/', { key: t.adminKey, body: { getSystems: {}, getGroups: {}, getSystem: { systemId: SYSTEM_ID } } })
        expect(response.status).toBe(413)
        expect(response.body.message).toBe('Batch has 3 keys; the limit is 2')
      })

      it('415 for a body that is not declared JSON', async () => {
        await using t = await start()
        const response = await t.call('catalog/', { key: t.adminKey, body: '{"getSystems":{}}', headers: { 'content-type': 'text/plain' } })
        expect(response.status).toBe(415)
        expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE')
      })

      it('500 with a generic message, no detail, and the cause logged with the request id', async () => {
        await using t = await start()
        const response = await t.call('probe/', { key: t.adminKey, body: { explode: {} }, headers: { 'x-request-id': 'req-123' } })
        expect(response.status).toBe(500)
        expect(response.body).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', procedure: 'explode' })
        expect(JSON.stringify(response.body)).not.toContain('hunter2')
        const logged = t.logs.map((line) => JSON.parse(line)).find((line) => line.level === 'error')
        expect(logged).toMatchObject({ requestId: 'req-123', error: { message: LEAKY_MESSAGE } })
      })

      it('500 on the per-procedure endpoint hides the message as well', async () => {
        await using t = await start()
        const response = await t.call('probe/explode', { key: t.adminKey, body: {} })
        expect(response.status).toBe(500)
        expect(response.body.message).toBe('Internal server error')
      })
    })

    it('puts X-Request-Id on every response, echoing a safe incoming one', async () => {
      await using t = await start()
      const ok = await t.call('catalog/', { key: t.adminKey, body: { getSystems: {} }, headers: { 'x-request-id': 'trace-1' } })
      const unauthorized = await t.call('catalog/', { body: { getSystems: {} } })
      const notFound = await t.host.app.request('/nowhere')
      const health = await t.host.app.request('/api/health')
      expect(ok.headers.get('x-request-id')).toBe('trace-1')
      for (const response of [unauthorized, notFound, health]) {
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
      }
    })

    it('lets anyone with a valid key call a procedure marked public', async () => {
      await using t = await start()
      const { key } = await t.createKey([])
      const response = await t.call('probe/', { key, body: { ping: {} } })
      expect(response.body).toEqual({ ping: { pong: true } })
    })
  })
}
