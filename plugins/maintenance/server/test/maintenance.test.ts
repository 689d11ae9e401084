import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestClock, createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { maintenancePlugin } from '../src/index.ts'

const HOUR = 3600_000
const T0 = '2026-11-23T10:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString()
const UNKNOWN = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`maintenance on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    async function start() {
      const clock = createTestClock(T0)
      const t = await createTestHost({ plugins: [catalogPlugin, maintenancePlugin], engine, clock })
      const system = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'db' } } })).body.createSystem.id as string
      return Object.assign(t, { system })
    }
    const call = (t: TestHost, body: unknown, key = t.adminKey) => t.call('maintenance/', { key, body })
    const schedule = async (t: TestHost & { system: string }, [from, to]: [number, number], title = 'upgrade') =>
      (await call(t, { scheduleWindow: { title, systemIds: [t.system], startsAt: at(from), endsAt: at(to) } })).body.scheduleWindow

    it('moves a window from scheduled to in progress to completed as time passes', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 3])
      expect(window).toMatchObject({ state: 'scheduled', systemIds: [t.system], startsAt: at(1), endsAt: at(3) })
      t.clock.set(at(2))
      expect((await call(t, { getWindow: { windowId: window.id } })).body.getWindow.state).toBe('in_progress')
      t.clock.set(at(3))
      expect((await call(t, { getWindow: { windowId: window.id } })).body.getWindow.state).toBe('completed')
    })

    it('lists the windows on any of several systems with systemIds, and no others', async () => {
      await using t = await start()
      const other = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'cache' } } })).body.createSystem.id
      const third = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'queue' } } })).body.createSystem.id
      const onFirst = await schedule(t, [1, 2])
      const onOther = (await call(t, { scheduleWindow: { title: 'x', systemIds: [other], startsAt: at(1), endsAt: at(2) } })).body.scheduleWindow
      await call(t, { scheduleWindow: { title: 'y', systemIds: [third], startsAt: at(1), endsAt: at(2) } })
      const listed = (await call(t, { getWindows: { systemIds: [t.system, other] } })).body.getWindows.windows
      expect(listed.map((w: { id: string }) => w.id).sort()).toEqual([onFirst.id, onOther.id].sort())
    })

    it('completeWindow ends a running window early, and only a running one', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 5])
      expect((await call(t, { completeWindow: { windowId: window.id } })).status).toBe(409)
      t.clock.set(at(2))
      const completed = (await call(t, { completeWindow: { windowId: window.id } })).body.completeWindow
      expect(completed).toMatchObject({ state: 'completed', endsAt: at(2), completedAt: at(2) })
    })

    it('cancels a scheduled window, and refuses to cancel a completed one with 409', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 2])
      const cancelled = (await call(t, { cancelWindow: { windowId: window.id } })).body.cancelWindow
      expect(cancelled).toMatchObject({ state: 'cancelled', cancelledAt: T0 })
      const other = await schedule(t, [1, 2])
      t.clock.set(at(4))
      const refused = await call(t, { cancelWindow: { windowId: other.id } })
      expect(refused.status).toBe(409)
      expect(refused.body.message).toBe('A completed window cannot be cancelled')
    })

    it('updates a scheduled window and refuses to change an ended one', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 2])
      const updated = await call(t, { updateWindow: { windowId: window.id, title: 'bigger upgrade', endsAt: at(4) } })
      expect(updated.body.updateWindow).toMatchObject({ title: 'bigger upgrade', endsAt: at(4) })
      const backwards = await call(t, { updateWindow: { windowId: window.id, endsAt: at(0) } })
      expect(backwards.status).toBe(400)
      t.clock.set(at(5))
      expect((await call(t, { updateWindow: { windowId: window.id, title: 'late' } })).status).toBe(409)
    })

    it.each([
      ['an end before the start', { endsAt: at(0) }, 'endsAt'],
      ['a date that is not ISO-8601', { startsAt: 'tomorrow' }, 'startsAt'],
      ['an oversize title', { title: 'x'.repeat(201) }, 'title'],
      ['no systems', { systemIds: [] }, 'systemIds'],
    ])('answers 400 naming the field for %s', async (_, change, path) => {
      await using t = await start()
      const input = { title: 'w', systemIds: [t.system], startsAt: at(1), endsAt: at(2), ...change }
      const response = await call(t, { scheduleWindow: input })
      expect(response.status).toBe(400)
      expect(response.body.issues[0].path).toBe(path)
    })

    it('stores and answers timestamps given with an offset in UTC, so they order correctly', async () => {
      await using t = await start()
      const input = { title: 'w', systemIds: [t.system], startsAt: '2026-11-23T13:00:00+02:00', endsAt: '2026-11-23T12:30:00Z' }
      const window = (await call(t, { scheduleWindow: input })).body.scheduleWindow
      expect(window).toMatchObject({ startsAt: '2026-11-23T11:00:00.000Z', endsAt: '2026-11-23T12:30:00.000Z', state: 'scheduled' })
      const ranged = await call(t, { getWindows: { from: '2026-11-23T13:15:00+02:00', to: '2026-11-23T12:00:00Z' } })
      expect(ranged.body.getWindows.windows.map((w: { id: string }) => w.id)).toEqual([window.id])
    })

    it('answers 400 for an unknown state filter', async () => {
      await using t = await start()
      const response = await call(t, { getWindows: { state: 'paused' } })
      expect(response.status).toBe(400)
      expect(response.body.issues[0].path).toBe('state')
    })

    it('answers 404 for an unknown window and an unknown system', async () => {
      await using t = await start()
      expect((await call(t, { getWindow: { windowId: UNKNOWN } })).body).toMatchObject({ code: 'NOT_FOUND', message: 'Maintenance window not found' })
      const noSystem = await call(t, { scheduleWindow: { title: 'w', systemIds: [UNKNOWN], startsAt: at(1), endsAt: at(2) } })
      expect(noSystem.status).toBe(404)
      expect(noSystem.body.message).toBe('System not found')
    })

    it('answers 403 naming the missing rule', async () => {
      await using t = await start()
      const reader = await t.createKey(['maintenance.maintenance.read'])
      const none = await t.createKey([])
      expect((await call(t, { getWindows: {} }, none.key)).body.message).toBe('Missing access: maintenance.maintenance.read')
      const write = await call(t, { scheduleWindow: { title: 'w', systemIds: [t.system], startsAt: at(1), endsAt: at(2) } }, reader.key)
      expect(write.body.message).toBe('Missing access: maintenance.maintenance.manage')
    })

    it('stores nothing when a later key of the batch fails', async () => {
      await using t = await start()
      const response = await call(t, {
        scheduleWindow: { title: 'w', systemIds: [t.system], startsAt: at(1), endsAt: at(2) },
        updateWindow: { windowId: UNKNOWN, title: 'x' },
      })
      expect(response.status).toBe(404)
      expect((await call(t, { getWindows: {} })).body.getWindows.windows).toEqual([])
    })

    it('filters by state, system and time range', async () => {
      await using t = await start()
      const past = await schedule(t, [-5, -4], 'past')
      const running = await schedule(t, [-1, 1], 'running')
      const future = await schedule(t, [5, 6], 'future')
      const other = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 'cache' } } })).body.createSystem.id
      const elsewhere = (await call(t, { scheduleWindow: { title: 'cache', systemIds: [other], startsAt: at(5), endsAt: at(6) } })).body.scheduleWindow
      const ids = async (filter: object) => (await call(t, { getWindows: filter })).body.getWindows.windows.map((w: { id: string }) => w.id)
      expect(await ids({ state: 'completed' })).toEqual([past.id])
      expect(await ids({ state: 'in_progress' })).toEqual([running.id])
      expect((await ids({ state: 'scheduled' })).sort()).toEqual([future.id, elsewhere.id].sort())
      expect(await ids({ systemId: other })).toEqual([elsewhere.id])
      expect(await ids({ from: at(-2), to: at(2) })).toEqual([running.id])
    })

    it('pages newest first with a cursor', async () => {
      await using t = await start()
      const created = []
      for (let i = 0; i < 5; i++) created.push(await schedule(t, [i + 1, i + 2], `w${i}`))
      const first = (await call(t, { getWindows: { limit: 2 } })).body.getWindows
      const second = (await call(t, { getWindows: { limit: 2, cursor: first.nextCursor } })).body.getWindows
      const third = (await call(t, { getWindows: { limit: 2, cursor: second.nextCursor } })).body.getWindows
      const seen = [...first.windows, ...second.windows, ...third.windows].map((w: { title: string }) => w.title)
      expect(seen).toEqual(['w4', 'w3', 'w2', 'w1', 'w0'])
      expect(third.nextCursor).toBeNull()
      expect((await call(t, { getWindows: { cursor: 'garbage' } })).status).toBe(400)
    })

    it('keeps windows listable when their system is deleted, without the system id', async () => {
      await using t = await start()
      const window = await schedule(t, [1, 2])
      await t.call('catalog/', { key: t.adminKey, body: { deleteSystem: { systemId: t.system } } })
      const list = await call(t, { getWindows: {} })
      expect(list.status).toBe(200)
      expect(list.body.getWindows.windows[0]).toMatchObject({ id: window.id, systemIds: [] })
    })
  })
}
