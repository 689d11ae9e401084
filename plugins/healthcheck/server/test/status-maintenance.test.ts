import { catalogPlugin } from '@checkpost/catalog-server'
import { maintenancePlugin } from '@checkpost/maintenance-server'
import { createTestClock, createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { healthcheckPlugin } from '../src/index.ts'

const T0 = '2026-11-23T10:00:00.000Z'

async function createSystemWithCheck(t: TestHost, name: string): Promise<string> {
  const systemId = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name } } })).body.createSystem.id as string
  const check = await t.call('healthcheck/', { key: t.adminKey, body: { createHealthCheck: { systemId, name: 'push', kind: 'push' } } })
  expect(check.status).toBe(200)
  return systemId
}

async function scheduleWindow(t: TestHost, systemId: string, times: { startsAt: string; endsAt: string }): Promise<void> {
  const response = await t.call('maintenance/', { key: t.adminKey, body: { scheduleWindow: { title: 'work', systemIds: [systemId], ...times } } })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`getStatus under maintenance on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('marks every system with an in-progress window, also one whose window started before many on another system', async () => {
      await using t = await createTestHost({ plugins: [catalogPlugin, maintenancePlugin, healthcheckPlugin], engine, clock: createTestClock(T0) })
      const web = await createSystemWithCheck(t, 'web')
      const db = await createSystemWithCheck(t, 'db')
      const cache = await createSystemWithCheck(t, 'cache')
      // db's window is the oldest in progress; web's four newer ones fill any first page sized by the system count.
      await scheduleWindow(t, db, { startsAt: '2026-11-23T10:01:00Z', endsAt: '2026-11-23T12:00:00Z' })
      for (const minute of ['02', '03', '04', '05']) await scheduleWindow(t, web, { startsAt: `2026-11-23T10:${minute}:00Z`, endsAt: '2026-11-23T12:00:00Z' })
      await scheduleWindow(t, cache, { startsAt: '2026-11-23T10:06:00Z', endsAt: '2026-11-23T10:07:00Z' })
      t.clock.set('2026-11-23T10:30:00Z') // every window has started; cache's has ended
      const status = await t.call('healthcheck/', { key: t.adminKey, body: { getStatus: {} } })
      const under = Object.fromEntries((status.body.getStatus.systems as { systemId: string; underMaintenance: boolean }[]).map((s) => [s.systemId, s.underMaintenance]))
      expect(under).toEqual({ [web]: true, [db]: true, [cache]: false })
    })
  })
}
