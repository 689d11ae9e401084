import type { ProcedureMeta } from '@checkpost/contract'
import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { isContractProcedure } from '@orpc/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { plugins } from '../src/plugins.ts'
import { seedResources, type SeededIds } from './fixtures/bola-cases.ts'
import { PAGED_LISTS, seedMixed, walkPages, type MixedIds } from './fixtures/leak-cases.ts'

/**
 * Object-level authorization of outputs: what an answer names, not only whom
 * a call reaches. The intruder holds no global rule and manages one system
 * through its team; a second system and everything only on it stay hidden,
 * and so do the hidden system's id inside items it may see (a group, an
 * incident or a window on both systems), and every cursor it is handed.
 */
const mounted = plugins.filter((plugin) => plugin.id !== 'auth-applications')

interface JsonSchema {
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
}

/** Dotted output paths of id arrays (`systemIds`, `groups.*.systemIds`). */
function idArrays(node: JsonSchema, prefix = ''): string[] {
  const found = (node.anyOf ?? []).flatMap((branch) => idArrays(branch, prefix))
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name
    if (/Ids$/.test(name) && child.items) found.push(path)
    found.push(...idArrays(child, path))
  }
  if (node.items) found.push(...idArrays(node.items, prefix ? `${prefix}.*` : '*'))
  return found
}

describe('every output id array is declared for pruning', () => {
  const procedures = mounted.flatMap((plugin) =>
    Object.entries(plugin.contract).flatMap(([name, contract]) => {
      if (!isContractProcedure(contract) || !contract['~orpc'].outputSchema) return []
      const schema = z.toJSONSchema(contract['~orpc'].outputSchema as z.ZodType, { io: 'output', unrepresentable: 'any' })
      return [[`${plugin.id}.${name}`, contract['~orpc'].meta as ProcedureMeta, idArrays(schema as JsonSchema)] as const]
    }),
  )
  it.each(procedures.filter(([, , paths]) => paths.length > 0))('%s prunes the hidden ids of its output id arrays', (_, meta, paths) => {
    const declared = new Set((meta.instance ?? []).flatMap((access) => access.outputIds ?? []))
    for (const path of paths) expect(declared.has(path), `output ${path} is not declared in outputIds`).toBe(true)
  })
})

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`object-level authorization of outputs on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let t: TestHost
    let intruderKey: string
    let allowed: SeededIds
    let denied: SeededIds
    let mixed: MixedIds
    let hidden: string[]

    beforeAll(async () => {
      t = await createTestHost({ plugins: mounted, engine })
      const admin = (body: unknown) => t.call('auth-applications/', { key: t.adminKey, body })
      const pluginIds = new Set(mounted.map((plugin) => plugin.id))
      allowed = await seedResources(t, 'allowed', pluginIds)
      denied = await seedResources(t, 'denied', pluginIds)
      mixed = await seedMixed(t, allowed, denied)
      const team = (await admin({ createTeam: { name: 'team-a' } })).body.createTeam.id
      const intruder = await t.createKey([], 'intruder')
      await admin({ addTeamMember: { teamId: team, applicationId: intruder.id } })
      await admin({
        setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: allowed.systemId, teamId: team, canManage: true },
      })
      intruderKey = intruder.key
      const history = await t.call('healthcheck/', { key: t.adminKey, body: { getHistory: { healthCheckId: denied.healthCheckId } } })
      const hiddenResults = (history.body.getHistory.results as { id: string }[]).map((result) => result.id)
      hidden = [denied.systemId!, denied.incidentId!, denied.windowId!, denied.healthCheckId!, ...hiddenResults]
    })
    afterAll(() => t.close())

    const call = (path: string, body: unknown) => t.call(path, { key: intruderKey, body })
    const expectNoHidden = (body: unknown) => {
      const text = JSON.stringify(body)
      for (const id of hidden) expect(text, `${text.slice(0, 300)} names hidden ${id}`).not.toContain(id)
    }

    it.each(PAGED_LISTS.map((list) => [`${list.pluginId}.${list.name}`, list] as const))(
      '%s paged by one names no hidden row in its items or cursors, and skips none it may see',
      async (_, list) => {
        const pages = await walkPages(t, intruderKey, list)
        const seen: unknown[] = []
        for (const page of pages) {
          expectNoHidden(page.body)
          for (const id of hidden) expect(page.cursorText, `cursor ${page.cursorText} encodes hidden ${id}`).not.toContain(id)
          seen.push(...(page.body[list.items] as unknown[]))
        }
        const all = await call(`${list.pluginId}/`, { [list.name]: {} })
        expect(seen).toEqual(all.body[list.name][list.items])
        expect(seen.length).toBeGreaterThan(0)
      },
    )

    it('shows an incident on a visible and a hidden system without the hidden system', async () => {
      const one = await call('incident/', { getIncident: { incidentId: mixed.incidentId } })
      expect(one.body.getIncident.systemIds).toEqual([allowed.systemId])
      const list = await call('incident/', { getIncidents: {} })
      expectNoHidden(list.body)
      expect(list.body.getIncidents.incidents.map((i: { id: string }) => i.id)).toContain(mixed.incidentId)
    })

    it('shows a window on a visible and a hidden system without the hidden system', async () => {
      const one = await call('maintenance/', { getWindow: { windowId: mixed.windowId } })
      expect(one.body.getWindow.systemIds).toEqual([allowed.systemId])
      expectNoHidden((await call('maintenance/', { getWindows: {} })).body)
    })

    it.each([
      ['incident', 'getIncidents'],
      ['maintenance', 'getWindows'],
      ['healthcheck', 'getHistory'],
      ['healthcheck', 'getHealthChecks'],
      ['healthcheck', 'getStatus'],
    ])('%s.%s filtered by a hidden system lists nothing, even items also on a visible one', async (pluginId, name) => {
      const response = await call(`${pluginId}/`, { [name]: { systemId: denied.systemId } })
      expect(response.status).toBe(200)
      const lists = Object.values(response.body[name]).filter(Array.isArray)
      for (const items of lists) expect(items).toEqual([])
      if ('nextCursor' in response.body[name]) expect(response.body[name].nextCursor).toBeNull()
    })

    it('answers addSystemToGroup into a group it cannot list without naming the group\'s hidden members', async () => {
      const response = await call('catalog/', { addSystemToGroup: { groupId: denied.groupId, systemId: allowed.systemId } })
      expect(response.status).toBe(200)
      expect(response.body.addSystemToGroup.systemIds).toEqual([allowed.systemId])
    })

    it('lists groups to a global reader without their team-only systems', async () => {
      const reader = await t.createKey(['catalog.catalog.read'], 'reader')
      const settings = { resourceType: 'catalog.system', resourceId: denied.systemId, teamOnly: true }
      expect((await t.call('auth-applications/', { key: t.adminKey, body: { setResourceAccessSettings: settings } })).status).toBe(200)
      try {
        const response = await t.call('catalog/', { key: reader.key, body: { getGroups: {} } })
        expect(response.status).toBe(200)
        const group = (response.body.getGroups.groups as { id: string; systemIds: string[] }[]).find((g) => g.id === mixed.groupId)
        expect(group?.systemIds).toEqual([allowed.systemId])
        expect(JSON.stringify(response.body)).not.toContain(denied.systemId)
      } finally {
        await t.call('auth-applications/', { key: t.adminKey, body: { setResourceAccessSettings: { ...settings, teamOnly: false } } })
      }
    })
  })
}
