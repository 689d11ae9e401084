import { createTestHost, TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { catalogPlugin } from '../src/index.ts'

const READ = 'catalog.catalog.read'
const MANAGE = 'catalog.catalog.manage'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`catalog on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: [catalogPlugin], engine })

    it('creates a system and lists it', async () => {
      await using t = await start()
      const { key } = await t.createKey([MANAGE])
      const created = await t.call('catalog/', { key, body: { createSystem: { name: 'api', metadata: { tier: 1 } } } })
      expect(created.status).toBe(200)
      const listed = await t.call('catalog/', { key, body: { getSystems: {} } })
      expect(listed.body.getSystems.systems).toEqual([created.body.createSystem])
      expect(created.body.createSystem).toMatchObject({ name: 'api', description: null, metadata: { tier: 1 } })
    })

    it('answers 403 naming catalog.catalog.read without read access', async () => {
      await using t = await start()
      const { key } = await t.createKey([])
      const response = await t.call('catalog/', { key, body: { getSystems: {} } })
      expect(response.status).toBe(403)
      expect(response.body).toEqual({ code: 'FORBIDDEN', message: 'Missing access: catalog.catalog.read', procedure: 'getSystems' })
    })

    it('refuses writes to a key holding only read', async () => {
      await using t = await start()
      const { key } = await t.createKey([READ])
      const response = await t.call('catalog/', { key, body: { createSystem: { name: 'x' } } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Missing access: catalog.catalog.manage')
    })

    it('validates names: empty and over-long names get 400 with issues', async () => {
      await using t = await start()
      for (const name of ['', '   ', 'x'.repeat(201)]) {
        const response = await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name } } })
        expect(response.status).toBe(400)
        expect(response.body.issues[0].path).toBe('name')
      }
    })

    it('answers 404 for unknown system and group ids', async () => {
      await using t = await start()
      const id = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'
      for (const body of [
        { getSystem: { systemId: id } },
        { updateSystem: { systemId: id, name: 'n' } },
        { deleteSystem: { systemId: id } },
        { updateGroup: { groupId: id, name: 'n' } },
        { deleteGroup: { groupId: id } },
        { addSystemToGroup: { groupId: id, systemId: id } },
        { createGroup: { name: 'g', systemIds: [id] } },
      ]) {
        const response = await t.call('catalog/', { key: t.adminKey, body })
        expect(response.status, JSON.stringify(body)).toBe(404)
        expect(response.body.code).toBe('NOT_FOUND')
      }
    })

    it('updates a system partially and keeps untouched fields', async () => {
      await using t = await start()
      const { body } = await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'a', description: 'd' } } })
      const id = body.createSystem.id
      t.clock.advance(1000)
      const updated = await t.call('catalog/', { key: t.adminKey, body: { updateSystem: { systemId: id, name: 'b' } } })
      expect(updated.body.updateSystem).toMatchObject({ id, name: 'b', description: 'd' })
      expect(updated.body.updateSystem.updatedAt > body.createSystem.updatedAt).toBe(true)
    })

    it('adds and removes systems in groups, and deleting a system removes it from its groups', async () => {
      await using t = await start()
      const key = t.adminKey
      const s1 = (await t.call('catalog/', { key, body: { createSystem: { name: 's1' } } })).body.createSystem.id
      const s2 = (await t.call('catalog/', { key, body: { createSystem: { name: 's2' } } })).body.createSystem.id
      const group = (await t.call('catalog/', { key, body: { createGroup: { name: 'g', systemIds: [s1] } } })).body.createGroup
      const added = await t.call('catalog/', { key, body: { addSystemToGroup: { groupId: group.id, systemId: s2 } } })
      expect(added.body.addSystemToGroup.systemIds.sort()).toEqual([s1, s2].sort())
      const removed = await t.call('catalog/', { key, body: { removeSystemFromGroup: { groupId: group.id, systemId: s1 } } })
      expect(removed.body.removeSystemFromGroup.systemIds).toEqual([s2])
      await t.call('catalog/', { key, body: { deleteSystem: { systemId: s2 } } })
      const groups = await t.call('catalog/', { key, body: { getGroups: {} } })
      expect(groups.body.getGroups.groups[0].systemIds).toEqual([])
    })
  })
}
