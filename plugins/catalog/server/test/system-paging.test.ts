import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { catalogPlugin } from '../src/index.ts'

interface Listed {
  id: string
  name: string
}
interface Page {
  systems: Listed[]
  nextCursor: string | null
}

async function createSystems(t: TestHost, names: readonly string[]): Promise<Listed[]> {
  const created: Listed[] = []
  for (const name of names) {
    const response = await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name } } })
    expect(response.status).toBe(200)
    created.push(response.body.createSystem)
  }
  return created
}

async function getSystems(t: TestHost, key: string, input: unknown): Promise<Page> {
  const response = await t.call('catalog/', { key, body: { getSystems: input } })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.getSystems
}

/** Every page at `limit`, following nextCursor to the end. */
async function walk(t: TestHost, key: string, limit: number): Promise<Page[]> {
  const pages: Page[] = []
  let cursor: string | undefined
  do {
    const page = await getSystems(t, key, { limit, ...(cursor ? { cursor } : {}) })
    pages.push(page)
    cursor = page.nextCursor ?? undefined
  } while (cursor && pages.length < 100)
  return pages
}

const byNameThenId = (a: Listed, b: Listed) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1)

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`getSystems paging on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: [catalogPlugin], engine })

    it('lists a whole small catalog by name for {} and null, with nextCursor null', async () => {
      await using t = await start()
      const created = await createSystems(t, ['web', 'api', 'db'])
      const expected = [...created].sort(byNameThenId)
      for (const input of [{}, null]) {
        const page = await getSystems(t, t.adminKey, input)
        expect(page).toEqual({ systems: expect.any(Array), nextCursor: null })
        expect(page.systems.map((s) => s.name)).toEqual(['api', 'db', 'web'])
        expect(page.systems).toEqual(expected.map((s) => expect.objectContaining(s)))
      }
    })

    it('walks the whole catalog in pages with no repeat and no gap, also across systems sharing a name', async () => {
      await using t = await start()
      const created = await createSystems(t, ['b', 'a', 'b', 'c', 'b', 'a', 'd'])
      const pages = await walk(t, t.adminKey, 3)
      expect(pages.map((p) => p.systems.length)).toEqual([3, 3, 1])
      expect(pages.at(-1)!.nextCursor).toBeNull()
      const walked = pages.flatMap((p) => p.systems.map((s) => s.id))
      expect(walked).toEqual([...created].sort(byNameThenId).map((s) => s.id))
      expect((await getSystems(t, t.adminKey, {})).systems.map((s) => s.id)).toEqual(walked)
    })

    it('gives a key restricted to its team full pages of the systems it may see and no hidden id, even in cursors', async () => {
      await using t = await start()
      const created = await createSystems(t, ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9'])
      const admin = async (body: unknown) => (await t.call('auth-applications/', { key: t.adminKey, body })).body
      const teamId = (await admin({ createTeam: { name: 'ops' } })).createTeam.id
      const member = await t.createKey([], 'team member')
      await admin({ addTeamMember: { teamId, applicationId: member.id } })
      const visible = created.filter((_, index) => [1, 4, 5, 8].includes(index))
      for (const system of visible) {
        await admin({ setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: system.id, teamId, canRead: true } })
      }
      const hidden = created.filter((system) => !visible.includes(system)).map((s) => s.id)
      const pages = await walk(t, member.key, 2)
      expect(pages.map((p) => p.systems.map((s) => s.name))).toEqual([['s2', 's5'], ['s6', 's9']])
      for (const page of pages) {
        const cursorText = page.nextCursor ? Buffer.from(page.nextCursor, 'base64url').toString('utf8') : ''
        for (const id of hidden) expect(cursorText).not.toContain(id)
      }
      expect((await getSystems(t, member.key, {})).systems.map((s) => s.name)).toEqual(['s2', 's5', 's6', 's9'])
    })

    it('answers 400 naming the field for a cursor it did not issue or a limit outside 1..500', async () => {
      await using t = await start()
      await createSystems(t, ['api'])
      const crafted = Buffer.from(JSON.stringify(['only one value'])).toString('base64url')
      for (const cursor of ['garbage', crafted]) {
        const response = await t.call('catalog/', { key: t.adminKey, body: { getSystems: { cursor } } })
        expect(response.status).toBe(400)
        expect(response.body).toMatchObject({ code: 'BAD_REQUEST', procedure: 'getSystems', issues: [{ path: 'cursor' }] })
      }
      for (const limit of [0, 501, 2.5, '10']) {
        const response = await t.call('catalog/', { key: t.adminKey, body: { getSystems: { limit } } })
        expect(response.status, JSON.stringify(limit)).toBe(400)
        expect(response.body.issues[0].path).toBe('limit')
      }
    })
  })
}
