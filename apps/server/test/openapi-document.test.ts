import type { ProcedureMeta } from '@checkpost/contract'
import { createHost } from '@checkpost/server'
import { createTestDatabase, createTestHost } from '@checkpost/testing'
import { isContractProcedure } from '@orpc/contract'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../src/config.ts'
import { plugins } from '../src/plugins.ts'
import { probePlugin } from './fixtures/probe-plugin.ts'

type Operation = Record<string, unknown> & { 'x-checkpost-access'?: string[]; security?: unknown[]; responses: Record<string, unknown> }
interface Document {
  openapi: string
  paths: Record<string, { post: Operation }>
  components: { securitySchemes: Record<string, { type: string; in?: string; scheme?: string }> }
}

async function fetchDocument(app: { request(path: string): Response | Promise<Response> }): Promise<Document> {
  const response = await app.request('/api/openapi.json')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/json')
  return (await response.json()) as Document
}

function proceduresOf(plugin: (typeof plugins)[number]) {
  return Object.entries(plugin.contract).flatMap(([name, contract]) =>
    isContractProcedure(contract) ? [{ name, meta: contract['~orpc'].meta as ProcedureMeta }] : [],
  )
}

describe('GET /api/openapi.json', () => {
  it('serves, without a credential, an OpenAPI 3.1 document a maintained validator accepts', async () => {
    await using t = await createTestHost({ plugins: plugins.filter((p) => p.id !== 'auth-applications') })
    const document = await fetchDocument(t.host.app)
    expect(document.openapi).toMatch(/^3\.1\./)
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document) as never)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(() => validator.resolveRefs()).not.toThrow()
  })

  it('describes every procedure of every mounted plugin with the rules it needs', async () => {
    await using t = await createTestHost({ plugins: plugins.filter((p) => p.id !== 'auth-applications') })
    const document = await fetchDocument(t.host.app)
    for (const plugin of plugins) {
      for (const { name, meta } of proceduresOf(plugin)) {
        const operation = document.paths[`/api/${plugin.id}/${name}`]?.post
        expect(operation, `${plugin.id}.${name}`).toBeDefined()
        expect(operation!.operationId).toBe(`${plugin.id}.${name}`)
        expect(operation!['x-checkpost-access']).toEqual((meta.access ?? []).map((rule) => rule.id))
        expect(operation!.responses['200']).toBeDefined()
      }
    }
  })

  it('describes each plugin\'s JSON endpoint as a batch whose keys are its procedures', async () => {
    await using t = await createTestHost({ plugins: plugins.filter((p) => p.id !== 'auth-applications') })
    const document = await fetchDocument(t.host.app)
    for (const plugin of plugins) {
      const batch = document.paths[`/api/${plugin.id}/`]?.post as unknown as {
        requestBody: { content: { 'application/json': { schema: { properties: object; maxProperties: number } } } }
        responses: Record<string, { content?: { 'application/json': { schema: { properties: object } } } }>
      }
      const names = proceduresOf(plugin).map((p) => p.name).sort()
      expect(Object.keys(batch.requestBody.content['application/json'].schema.properties).sort()).toEqual(names)
      expect(Object.keys(batch.responses['200']!.content!['application/json'].schema.properties).sort()).toEqual(names)
      expect(batch.requestBody.content['application/json'].schema.maxProperties).toBe(100)
    }
  })

  it('declares bearer and cookie security, and the error body with every code', async () => {
    await using t = await createTestHost({ plugins: plugins.filter((p) => p.id !== 'auth-applications') })
    const document = await fetchDocument(t.host.app)
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie' })
    const getSystems = document.paths['/api/catalog/getSystems']!.post
    expect(getSystems.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }])
    expect(getSystems.responses['403']).toEqual({ $ref: '#/components/responses/ProcedureError403' })
    const errorSchema = (document.components as unknown as { schemas: Record<string, { properties: { code: { enum: string[] } } }> }).schemas
    expect(errorSchema.Error!.properties.code.enum).toEqual(expect.arrayContaining(['BAD_REQUEST', 'FORBIDDEN', 'TOO_MANY_REQUESTS']))
  })

  it('includes a plugin mounted later with no edit, and marks its public procedure as needing no credential', async () => {
    await using t = await createTestHost({ plugins: [probePlugin] })
    const document = await fetchDocument(t.host.app)
    expect(document.paths['/api/probe/explode']!.post['x-checkpost-access']).toEqual(['probe.probe.read'])
    expect(document.paths['/api/probe/ping']!.post.security).toEqual([])
    expect(document.paths['/api/probe/ping']!.post['x-checkpost-access']).toEqual([])
  })

  it('is not served when turned off (CHECKPOST_OPENAPI=off), nor is the reference page', async () => {
    const config = readConfig({ CHECKPOST_OPENAPI: 'off' })
    expect(config.openapi).toBe(false)
    const testDb = await createTestDatabase()
    try {
      const host = createHost({ database: testDb.database, plugins, openapi: config.openapi })
      expect((await host.app.request('/api/openapi.json')).status).toBe(404)
      expect((await host.app.request('/api/docs')).status).toBe(404)
      await host.close()
    } finally {
      await testDb.dispose()
    }
  })

  it('refuses a CHECKPOST_OPENAPI value other than on or off at start-up', () => {
    expect(() => readConfig({ CHECKPOST_OPENAPI: 'yes' })).toThrow('CHECKPOST_OPENAPI must be on or off, got "yes"')
  })
})
