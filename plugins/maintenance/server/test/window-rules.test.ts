import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestClock, createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { maintenancePlugin } from '../src/index.ts'

const HOUR = 3600_000
const T0 = '2026-11-23T10:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString()
const UNKNOWN = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'

type Host = TestHost & { systems: string[] }

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`maintenance window rules on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    async function start(): Promise<Host> {
      const t = await createTestHost({ plugins: [catalogPlugin, maintenancePlugin], engine, clock: createTestClock(T0) })
      const systems: string[] = []
      for (const name of ['db', 'cache']) {
        systems.push((await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name } } })).body.createSystem.id)
      }
      return Object.assign(t, { systems })
    }
    const call = (t: TestHost, body: unknown, key = t.adminKey) => t.call('maintenance/', { key, body })
    const schedule = async (t: Host, [from, to]: [number, number], systemIds = [t.systems[0]!]) =>
      (await call(t, { scheduleWindow: { title: 'upgrade', systemIds, startsAt: at(from), endsAt: at(to) } })).body.scheduleWindow
    const ids = async (t: Host, filter: object) =>
      (await call(t, { getWindows: filter })).body.getWindows.windows.map((w: { id: string }) => w.id)

    it.each(['updateWindow', 'cancelWindow', 'completeWindow'])('answers 404 from %s for an unknown window', async (procedure) => {
      await using t = await start()
      const response = await call(t, { [procedure]: { windowId: UNKNOWN } })
      expect(response.status).toBe(404)
      expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: 'Maintenance window not found' })
    })

    it('answers 404 when an update names an unknown system, and leaves the window as it was', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 2])
      const response = await call(t, { updateWindow: { windowId: window.id, title: 'moved', systemIds: [UNKNOWN] } })
      expect(response.status).toBe(404)
      expect(response.body.message).toBe('System not found')
      expect((await call(t, { getWindow: { windowId: window.id } })).body.getWindow).toEqual(window)
    })

    it('answers 400 naming endsAt when an update sets both ends backwards', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 2])
      const response = await call(t, { updateWindow: { windowId: window.id, startsAt: at(5), endsAt: at(4) } })
      expect(response.status).toBe(400)
      expect(response.body.issues[0]).toEqual({ path: 'endsAt', message: 'must be after startsAt' })
    })

    it('answers 400 when an update moves the start past the stored end', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 2])
      const response = await call(t, { updateWindow: { windowId: window.id, startsAt: at(3) } })
      expect(response.status).toBe(400)
      expect(response.body.message).toBe('endsAt must be after startsAt')
    })

    it('refuses to update, cancel or complete a cancelled window with 409', async () => {
      await using t = await start()
      const window = await schedule(t, [-1, 2])
      expect((await call(t, { cancelWindow: { windowId: window.id } })).body.cancelWindow.state).toBe('cancelled')
      for (const procedure of ['updateWindow', 'cancelWindow', 'completeWindow']) {
        const response = await call(t, { [procedure]: { windowId: window.id } })
        expect(response.status).toBe(409)
        expect(response.body.message).toMatch(/^A cancelled window cannot be/)
      }
    })

    it('cancels a window in progress, which then stays cancelled after its end', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 3])
      t.clock.advance(2 * HOUR)
      const cancelled = (await call(t, { cancelWindow: { windowId: window.id } })).body.cancelWindow
      expect(cancelled).toMatchObject({ state: 'cancelled', cancelledAt: at(2) })
      t.clock.advance(5 * HOUR)
      expect((await call(t, { getWindow: { windowId: window.id } })).body.getWindow.state).toBe('cancelled')
    })

    it('lists a window under the state the clock gives it as time advances', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 2])
      const states = []
      for (let step = 0; step < 3; step++) {
        for (const state of ['scheduled', 'in_progress', 'completed']) if ((await ids(t, { state })).includes(window.id)) states.push(state)
        t.clock.advance(HOUR)
      }
      expect(states).toEqual(['scheduled', 'in_progress', 'completed'])
    })

    it('pages through one state only, skipping windows of other states', async () => {
      await using t = await start()
      const running = []
      for (let i = 0; i < 5; i++) {
        running.push((await schedule(t, [-i - 1, 10])).id)
        await schedule(t, [20 + i, 21 + i])
      }
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const input = { state: 'in_progress', limit: 2, ...(cursor ? { cursor } : {}) }
        const page: { windows: { id: string }[]; nextCursor: string | null } = (await call(t, { getWindows: input })).body.getWindows
        seen.push(...page.windows.map((w) => w.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toEqual(running)
    })

    it('lets a key holding only maintenance.maintenance.manage schedule on a system it was never given catalog access to', async () => {
      await using t = await start()
      const manager = await t.createKey(['maintenance.maintenance.manage'])
      const input = { title: 'w', systemIds: [t.systems[0]], startsAt: at(1), endsAt: at(2) }
      const response = await call(t, { scheduleWindow: input }, manager.key)
      expect(response.status).toBe(200)
      expect(response.body.scheduleWindow.systemIds).toEqual([t.systems[0]])
    })

    it('stores repeated system ids once and clears the description with null', async () => {
      await using t = await start()
      const [db] = t.systems as [string]
      const input = { title: 'w', description: 'planned', systemIds: [db, db], startsAt: at(1), endsAt: at(2) }
      const window = (await call(t, { scheduleWindow: input })).body.scheduleWindow
      expect(window).toMatchObject({ systemIds: [db], description: 'planned' })
      const updated = (await call(t, { updateWindow: { windowId: window.id, description: null } })).body.updateWindow
      expect(updated.description).toBeNull()
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(window.updatedAt))
    })

    it('keeps the other systems of a window when one of them is deleted, and filtering by the deleted one finds nothing', async () => {
      await using t = await start()
      const [db, cache] = t.systems as [string, string]
      const window = await schedule(t, [1, 2], [db, cache])
      const deleted = await t.call('catalog/', { key: t.adminKey, body: { deleteSystem: { systemId: db } } })
      expect(deleted.status).toBe(200)
      expect((await call(t, { getWindow: { windowId: window.id } })).body.getWindow.systemIds).toEqual([cache])
      const filtered = await call(t, { getWindows: { systemId: db } })
      expect(filtered.status).toBe(200)
      expect(filtered.body.getWindows.windows).toEqual([])
      expect(await ids(t, { systemId: cache })).toEqual([window.id])
    })

    it('answers 400 naming the field for a time range bound that is not a timestamp', async () => {
      await using t = await start()
      const response = await call(t, { getWindows: { from: 'yesterday' } })
      expect(response.status).toBe(400)
      expect(response.body.issues[0].path).toBe('from')
    })

    it('answers 400 for a cursor that decodes to something other than a page position', async () => {
      await using t = await start()
      const cursor = Buffer.from(JSON.stringify([1, 2])).toString('base64url')
      const response = await call(t, { getWindows: { cursor } })
      expect(response.status).toBe(400)
      expect(response.body.message).toBe('Invalid cursor')
    })

    it('answers 400 naming endsAt for an end whose UTC year has five digits', async () => {
      await using t = await start()
      const input = { title: 'w', systemIds: [t.systems[0]], startsAt: at(1), endsAt: '9999-12-31T23:30:00-02:00' }
      const response = await call(t, { scheduleWindow: input })
      expect(response.status).toBe(400)
      expect(response.body.issues[0].path).toBe('endsAt')
    })

    it('stores nothing when a later key of the batch answers 409', async () => {
      await using t = await start()
      const scheduled = await schedule(t, [1, 2])
      const good = { title: 'second', systemIds: [t.systems[1]], startsAt: at(3), endsAt: at(4) }
      const response = await call(t, { scheduleWindow: good, completeWindow: { windowId: scheduled.id } })
      expect(response.status).toBe(409)
      expect(await ids(t, {})).toEqual([scheduled.id])
    })
  })
}
