import type { ProcedureMeta } from '@checkpost/contract'
import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { isContractProcedure } from '@orpc/contract'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { plugins } from '../src/plugins.ts'
import { BOLA_CASES, BOLA_LISTS, GLOBAL_ONLY_FIELDS, seedResources, type SeededIds } from './fixtures/bola-cases.ts'
import { seedMixed } from './fixtures/leak-cases.ts'

/**
 * Broken object-level authorization, table-driven: every procedure of every
 * mounted plugin that takes an id is called by an identity that must not reach
 * the resource. A procedure added later without a case here, or with an id
 * field its contract does not declare for instance access, fails the suite.
 */

const mounted = plugins.filter((plugin) => plugin.id !== 'auth-applications')

/** Dotted paths of id-like input fields (`systemId`, `systemIds.*`, `results.*.healthCheckId`). */
function idFields(schema: unknown): string[] {
  if (!schema) return []
  const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return walk(json, '')
}

interface JsonSchema {
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
}

function walk(node: JsonSchema, prefix: string): string[] {
  const found: string[] = []
  for (const branch of node.anyOf ?? []) found.push(...walk(branch, prefix))
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name
    if (/Ids?$/.test(name)) found.push(child.items ? `${path}.*` : path)
    found.push(...walk(child, path))
  }
  if (node.items) found.push(...walk(node.items, `${prefix}.*`))
  return found
}

const procedures = [...plugins].flatMap((plugin) =>
  Object.entries(plugin.contract).flatMap(([name, contract]) => {
    if (!isContractProcedure(contract)) return []
    const meta = contract['~orpc'].meta as ProcedureMeta
    return [{ pluginId: plugin.id, name, key: `${plugin.id}.${name}`, meta, fields: idFields(contract['~orpc'].inputSchema) }]
  }),
)
const withIds = procedures.filter((p) => p.fields.length > 0)

describe('every procedure with an id input is covered', () => {
  it.each(withIds.map((p) => [p.key, p] as const))('%s declares instance access for its resource ids and has a case', (_, p) => {
    const declared = new Set((p.meta.instance ?? []).flatMap((access) => access.inputIds ?? []))
    for (const field of p.fields) {
      const leaf = field.split('.').filter((part) => part !== '*').at(-1)!
      if (GLOBAL_ONLY_FIELDS.has(leaf)) continue
      expect(declared.has(field), `${p.key}: input field ${field} has no instance-access declaration`).toBe(true)
    }
    expect(BOLA_CASES[p.key], `${p.key}: add a case to test/fixtures/bola-cases.ts`).toBeDefined()
  })
})

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`object-level authorization on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let t: TestHost
    let intruderKey: string
    let ids: { allowed: SeededIds; denied: SeededIds }

    async function setUp() {
      t = await createTestHost({ plugins: mounted, engine })
      const admin = (body: unknown) => t.call('auth-applications/', { key: t.adminKey, body })
      const pluginIds = new Set(mounted.map((plugin) => plugin.id))
      const allowed = await seedResources(t, 'allowed', pluginIds)
      const denied = await seedResources(t, 'denied', pluginIds)
      const team = (await admin({ createTeam: { name: 'team-a' } })).body.createTeam.id
      const intruder = await t.createKey([], 'intruder')
      await admin({ addTeamMember: { teamId: team, applicationId: intruder.id } })
      await admin({
        setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: allowed.systemId, teamId: team, canManage: true },
      })
      // Resources on both systems: visible to the intruder, yet a filter on the hidden system must list nothing.
      await seedMixed(t, allowed, denied)
      intruderKey = intruder.key
      ids = { allowed, denied: { ...denied, teamId: team, intruderId: intruder.id } }
    }

    it.each(withIds.map((p) => [p.key, p] as const))('%s does not reach a resource outside the caller\'s grants', async (_, p) => {
      await setUp()
      try {
        const testCase = BOLA_CASES[p.key]!
        const response = await t.call(`${p.pluginId}/`, { key: intruderKey, body: { [p.name]: testCase.input(ids.denied) } })
        if (testCase.expect === 'nothing') {
          expect(response.status, JSON.stringify(response.body)).toBe(200)
          for (const id of Object.values(ids.denied)) expect(JSON.stringify(response.body)).not.toContain(id)
          return
        }
        expect(response.status, JSON.stringify(response.body)).toBe(testCase.expect)
        if (testCase.expect === 404) expect(response.body.code).toBe('NOT_FOUND')
      } finally {
        await t.close()
      }
    })

    it.each(mounted.flatMap((plugin) => BOLA_LISTS.filter((l) => l.pluginId === plugin.id).map((l) => [`${l.pluginId}.${l.name}`, l] as const)))(
      '%s lists only what the caller\'s grants reach',
      async (_, list) => {
        await setUp()
        try {
          const response = await t.call(`${list.pluginId}/`, { key: intruderKey, body: { [list.name]: {} } })
          expect(response.status).toBe(200)
          const items = list.items(response.body[list.name]) as string[]
          expect(items).toContain(list.expected(ids.allowed))
          expect(items).not.toContain(list.expected(ids.denied))
        } finally {
          await t.close()
        }
      },
    )
  })
}
