import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'
import { textFieldsOf } from './fixtures/text-fields.ts'

/** DESIGN "Input that cannot hurt", through the real host on each engine. */
const mounted = plugins.filter((plugin) => plugin.id !== 'auth-applications')
const fields = textFieldsOf(plugins)

/** `{"a":{"a":…{}}}` with `depth` objects in all. */
const nested = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1)
/** `{"a":[[…]]}`: an object holding arrays, `depth` levels in all. */
const deepArrays = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`

/** A catalog row written straight to the table, as an older version might have left it. */
async function insertSystem(t: TestHost, row: { name: string; metadata: string }) {
  const at = '2026-01-01T00:00:00.000Z'
  const values = { id: crypto.randomUUID(), description: null, created_at: at, updated_at: at, ...row }
  await t.db.database.db.insertInto('catalog_systems').values(values as never).execute()
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`input that cannot hurt on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let t: TestHost
    beforeAll(async () => {
      t = await createTestHost({ plugins: mounted, engine })
    })
    afterAll(() => t.close())
    const call = (path: string, body: unknown) => t.call(path, { key: t.adminKey, body })
    const createSystem = async (body: string) => t.call('catalog/', { key: t.adminKey, body: `{"createSystem":{"name":"deep","metadata":${body}}}` })

    it('accepts a body nested 64 levels deep', async () => {
      expect((await t.call('catalog/', { key: t.adminKey, body: `{"getSystems":${nested(63)}}` })).status).toBe(200)
    })

    it('answers 400 to a body nested 65 levels deep, on both endpoints', async () => {
      const batch = await t.call('catalog/', { key: t.adminKey, body: `{"getSystems":${nested(64)}}` })
      expect(batch.status).toBe(400)
      expect(batch.body.code).toBe('BAD_REQUEST')
      expect(batch.body.message).toMatch(/64/)
      expect((await t.call('catalog/getSystems', { key: t.adminKey, body: nested(65) })).status).toBe(400)
    })

    it('answers 400 to metadata nested 4,000 deep and stores nothing', async () => {
      const response = await createSystem(deepArrays(4000))
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect((await call('catalog/', { getSystems: {} })).body.getSystems.systems).toEqual([])
    })

    it('refuses metadata nested 3,000 deep, so getSystems keeps answering everyone', async () => {
      expect((await createSystem(deepArrays(3000))).status).toBe(400)
      expect((await call('catalog/', { getSystems: {} })).body.getSystems.systems).toEqual([])
      expect((await t.call('catalog/getSystems', { key: t.adminKey, body: {} })).status).toBe(200)
    })

    it('refuses metadata deeper than 32 levels inside the body limit', async () => {
      expect((await createSystem(deepArrays(33))).status).toBe(400)
      const created = await createSystem(deepArrays(32))
      expect(created.status).toBe(200)
      await call('catalog/', { deleteSystem: { systemId: created.body.createSystem.id } })
    })

    it('counts metadata size in UTF-8 bytes: 48,000 bytes of "€" fail the 16 KiB limit', async () => {
      const response = await call('catalog/', { createSystem: { name: 'euro', metadata: { k: '€'.repeat(16_000) } } })
      expect(response.status).toBe(400)
      expect(response.body.issues[0].path).toBe('metadata')
    })

    it.each(fields.map((field) => [field.key, field] as const))('%s refuses "x\\u0000y" with 400 naming the field', async (_, field) => {
      const response = await call(`${field.pluginId}/`, { [field.procedure]: field.input('x\u0000y') })
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toContain(field.path)
    })

    it.each(fields.map((field) => [field.key, field] as const))('%s refuses a lone surrogate with 400 naming the field', async (_, field) => {
      const response = await call(`${field.pluginId}/`, { [field.procedure]: field.input('x\ud800y') })
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toContain(field.path)
    })

    it('stores a name NFC-normalised and trimmed', async () => {
      const response = await call('catalog/', { createSystem: { name: '  Cafe\u0301  ' } })
      expect(response.body.createSystem.name).toBe('Caf\u00e9')
    })

    it('refuses a name without a visible character (a lone zero-width space)', async () => {
      for (const name of ['\u200b', ' \u200b\u00a0', '\u3164']) {
        const response = await call('catalog/', { createSystem: { name } })
        expect(response.status, JSON.stringify(name)).toBe(400)
      }
    })

    it.each([
      ['createRole', (name: string) => ({ name, accessRules: [] })],
      ['createTeam', (name: string) => ({ name })],
    ])('%s treats "Café" written two ways, and in another case, as the same name (409)', async (procedure, input) => {
      const suffix = `${procedure}-${engine}`
      expect((await call('auth-applications/', { [procedure]: input(`Caf\u00e9 ${suffix}`) })).status).toBe(200)
      const decomposed = await call('auth-applications/', { [procedure]: input(`Cafe\u0301 ${suffix}`) })
      expect(decomposed.status, JSON.stringify(decomposed.body)).toBe(409)
      expect((await call('auth-applications/', { [procedure]: input(`CAF\u00c9 ${suffix.toUpperCase()}`) })).status).toBe(409)
    })

    it('answers getSystems on both endpoints although a system stored earlier has metadata nested 3,000 deep', async () => {
      // Stored before the depth limit existed, straight into the table (the API now refuses it).
      await insertSystem(t, { name: 'deep', metadata: deepArrays(3000) })
      try {
        expect((await call('catalog/', { getSystems: {} })).status).toBe(200)
        expect((await t.call('catalog/getSystems', { key: t.adminKey, body: {} })).status).toBe(200)
      } finally {
        await t.db.database.db.deleteFrom('catalog_systems').where('name', '=', 'deep').execute()
      }
    })

    it('logs every 500 with its request id, on both endpoints', async () => {
      // A row the API cannot have written: its metadata is not JSON, so reading it fails.
      await insertSystem(t, { name: 'broken', metadata: '{not json' })
      try {
        for (const [path, body] of [['catalog/', { getSystems: {} }], ['catalog/getSystems', {}]] as const) {
          const requestId = `req-500-${path.length}`
          const response = await t.call(path, { key: t.adminKey, body, headers: { 'x-request-id': requestId } })
          expect(response.status).toBe(500)
          expect(response.body.message).toBe('Internal server error')
          const logged = t.logs.map((line) => JSON.parse(line)).filter((line) => line.level === 'error' && line.requestId === requestId)
          expect(logged.length, `no error line for ${path}`).toBeGreaterThan(0)
        }
      } finally {
        await t.db.database.db.deleteFrom('catalog_systems').where('name', '=', 'broken').execute()
      }
    })
  })
}
