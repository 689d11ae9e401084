import { createTestHost, type TestHost } from '@checkpost/testing'
import { isContractProcedure } from '@orpc/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'

/**
 * Every procedure of every mounted plugin, fed inputs of the wrong shape on
 * both endpoints: each answers a 4xx with a code from the error table (or 200
 * where unknown fields are simply ignored), never a 500.
 */
const BAD_INPUTS: unknown[] = [
  [],
  'text',
  42,
  true,
  { unexpected: { nested: [1, 2, { deeper: null }] } },
  { systemId: { $ne: null } },
  { systemId: "' or 1=1 --" },
  { limit: -1, cursor: '' },
  { limit: 1e308, cursor: 'x'.repeat(10_000) },
  { from: '2026-02-30T25:61:00Z', to: 'not a date' },
  { name: 'x'.repeat(100_000) },
  { results: [{ healthCheckId: null }] },
  { accessRules: [null, 1, {}] },
]

const procedures = plugins.flatMap((plugin) =>
  Object.entries(plugin.contract)
    .filter(([, contract]) => isContractProcedure(contract))
    .map(([name]) => ({ pluginId: plugin.id, name })),
)

describe('bad input never makes a 500', () => {
  let t: TestHost
  beforeAll(async () => {
    t = await createTestHost({ plugins: plugins.filter((plugin) => plugin.id !== 'auth-applications') })
  })
  afterAll(() => t.close())

  it.each(procedures.map((p) => [`${p.pluginId}.${p.name}`, p] as const))('%s never answers 500 to malformed input, on either endpoint', async (_, p) => {
    for (const input of BAD_INPUTS) {
      const batch = await t.call(`${p.pluginId}/`, { key: t.adminKey, body: { [p.name]: input } })
      const seen = `${JSON.stringify(input).slice(0, 80)} → ${JSON.stringify(batch.body).slice(0, 200)}`
      expect(batch.status, seen).toBeLessThan(500)
      // A user's own procedures (getCurrentUser, …) refuse an application key (the admin here) with 403.
      const selfOnly = batch.body.code === 'FORBIDDEN' && /^Only a signed-in user/.test(batch.body.message)
      if (batch.status >= 400 && !selfOnly) expect(['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE'], seen).toContain(batch.body.code)
      const single = await t.call(`${p.pluginId}/${p.name}`, { key: t.adminKey, body: input })
      expect(single.status, `${JSON.stringify(input).slice(0, 80)} → ${JSON.stringify(single.body)}`).toBeLessThan(500)
    }
  })

  it('answers 400 to JSON nested deeper than any parser stack', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    const response = await t.call('catalog/', { key: t.adminKey, body: `{"getSystems": ${deep}}` })
    expect(response.status).toBe(400)
    expect((await t.call('catalog/', { key: t.adminKey, body: { getSystems: {} } })).status).toBe(200)
  })
})
