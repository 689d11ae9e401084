import { TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { createSystem, incident, startHost } from './incident-test-kit.ts'

type Listed = { id: string; title: string; systemIds: string[]; updates?: unknown }

async function titles(t: TestHost, filter: Record<string, unknown>): Promise<string[]> {
  const { incidents } = await incident(t, t.adminKey, { getIncidents: filter })
  return incidents.map((i: Listed) => i.title)
}

/** Three incidents a minute apart: a on api (resolved), b on api+db, c on db. */
async function seed(t: TestHost) {
  const api = await createSystem(t, 'api')
  const db = await createSystem(t, 'db')
  const make = async (title: string, systemIds: string[]) => {
    t.clock.advance(60_000)
    return (await incident(t, t.adminKey, { createIncident: { title, impact: 'minor', systemIds } })).id as string
  }
  const a = await make('a', [api])
  await make('b', [api, db])
  const c = await make('c', [db])
  await incident(t, t.adminKey, { resolveIncident: { incidentId: a } })
  await incident(t, t.adminKey, { addUpdate: { incidentId: c, status: 'monitoring', message: 'watching' } })
  return { api, db }
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`incident lists on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('lists newest first without timelines, filtered by status, system and open/resolved', async () => {
      await using t = await startHost(engine)
      const { api, db } = await seed(t)
      const all = await incident(t, t.adminKey, { getIncidents: {} })
      expect(all.incidents.map((i: Listed) => i.title)).toEqual(['c', 'b', 'a'])
      expect(all.nextCursor).toBeNull()
      expect(all.incidents.every((i: Listed) => i.updates === undefined)).toBe(true)
      expect(await titles(t, { status: 'monitoring' })).toEqual(['c'])
      expect(await titles(t, { status: 'resolved' })).toEqual(['a'])
      expect(await titles(t, { systemId: api })).toEqual(['b', 'a'])
      expect(await titles(t, { systemId: db })).toEqual(['c', 'b'])
      expect(await titles(t, { open: true })).toEqual(['c', 'b'])
      expect(await titles(t, { open: false })).toEqual(['a'])
      expect(await titles(t, { open: true, systemId: api })).toEqual(['b'])
      const nullInput = await t.call('incident/', { key: t.adminKey, body: { getIncidents: null } })
      expect(nullInput.body.getIncidents.incidents).toHaveLength(3)
    })

    it('pages with a cursor, also when incidents share a creation time', async () => {
      await using t = await startHost(engine)
      for (let i = 0; i < 5; i++) {
        if (i % 2 === 0) t.clock.advance(1000) // pairs share a timestamp: the id breaks the tie
        await incident(t, t.adminKey, { createIncident: { title: `i${i}`, impact: 'minor', systemIds: [] } })
      }
      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const page = await incident(t, t.adminKey, { getIncidents: { limit: 2, ...(cursor ? { cursor } : {}) } })
        expect(page.incidents.length).toBeLessThanOrEqual(2)
        seen.push(...page.incidents.map((i: Listed) => i.title))
        cursor = page.nextCursor ?? undefined
        pages++
      } while (cursor)
      expect(pages).toBe(3)
      expect([...seen].sort()).toEqual(['i0', 'i1', 'i2', 'i3', 'i4'])
      expect(seen[0]).toBe('i4')
    })

    it('removes a deleted catalog system from incidents and keeps listing them', async () => {
      await using t = await startHost(engine)
      const { api, db } = await seed(t)
      const deleted = await t.call('catalog/', { key: t.adminKey, body: { deleteSystem: { systemId: api } } })
      expect(deleted.status).toBe(200)
      const { incidents } = await incident(t, t.adminKey, { getIncidents: {} })
      expect(incidents.map((i: Listed) => [i.title, i.systemIds])).toEqual([
        ['c', [db]],
        ['b', [db]],
        ['a', []],
      ])
      expect(await titles(t, { systemId: api })).toEqual([])
    })
  })
}
