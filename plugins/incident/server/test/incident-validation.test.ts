import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { createSystem, incident, MANAGE, READ, startHost, UNKNOWN_ID } from './incident-test-kit.ts'

const valid = { title: 'Outage', impact: 'major', systemIds: [] }

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`incident validation and access on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('answers 400 with the failing path for unknown enum values and oversize strings', async () => {
      await using t = await startHost(engine)
      const { id } = await incident(t, t.adminKey, { createIncident: valid })
      const cases: [Record<string, unknown>, string][] = [
        [{ createIncident: { ...valid, impact: 'catastrophic' } }, 'impact'],
        [{ createIncident: { ...valid, status: 'resolved' } }, 'status'],
        [{ createIncident: { ...valid, status: 'panicking' } }, 'status'],
        [{ createIncident: { ...valid, title: 'x'.repeat(201) } }, 'title'],
        [{ createIncident: { ...valid, title: '  ' } }, 'title'],
        [{ createIncident: { ...valid, message: 'm'.repeat(5001) } }, 'message'],
        [{ createIncident: { ...valid, systemIds: ['not-a-uuid'] } }, 'systemIds.0'],
        [{ createIncident: { ...valid, systemIds: Array.from({ length: 101 }, () => UNKNOWN_ID) } }, 'systemIds'],
        [{ addUpdate: { incidentId: id, status: 'fixed', message: 'm' } }, 'status'],
        [{ addUpdate: { incidentId: id, message: 'm'.repeat(5001) } }, 'message'],
        [{ addUpdate: { incidentId: id, message: '' } }, 'message'],
        [{ getIncidents: { status: 'done' } }, 'status'],
        [{ getIncidents: { limit: 0 } }, 'limit'],
      ]
      for (const [body, path] of cases) {
        const response = await t.call('incident/', { key: t.adminKey, body })
        expect(response.status, JSON.stringify(body).slice(0, 120)).toBe(400)
        expect(response.body.code).toBe('BAD_REQUEST')
        expect(response.body.issues[0].path).toBe(path)
      }
    })

    it('answers 400 for a cursor it did not issue', async () => {
      await using t = await startHost(engine)
      const response = await t.call('incident/', { key: t.adminKey, body: { getIncidents: { cursor: 'garbage' } } })
      expect(response.status).toBe(400)
      expect(response.body).toMatchObject({ code: 'BAD_REQUEST', message: 'Invalid cursor' })
    })

    it('answers 404 for unknown incident ids and unknown system ids', async () => {
      await using t = await startHost(engine)
      const api = await createSystem(t, 'api')
      for (const body of [
        { getIncident: { incidentId: UNKNOWN_ID } },
        { addUpdate: { incidentId: UNKNOWN_ID, message: 'm' } },
        { resolveIncident: { incidentId: UNKNOWN_ID } },
        { deleteIncident: { incidentId: UNKNOWN_ID } },
        { createIncident: { ...valid, systemIds: [api, UNKNOWN_ID] } },
      ]) {
        const response = await t.call('incident/', { key: t.adminKey, body })
        expect(response.status, JSON.stringify(body)).toBe(404)
        expect(response.body.code).toBe('NOT_FOUND')
      }
      expect((await incident(t, t.adminKey, { getIncidents: {} })).incidents).toEqual([])
    })

    it('answers 403 naming the missing rule', async () => {
      await using t = await startHost(engine)
      const none = await t.createKey([])
      const reader = await t.createKey([READ])
      const denied = await t.call('incident/', { key: none.key, body: { getIncidents: {} } })
      expect(denied.status).toBe(403)
      expect(denied.body).toEqual({ code: 'FORBIDDEN', message: 'Missing access: incident.incident.read', procedure: 'getIncidents' })
      const readOnly = await t.call('incident/', { key: reader.key, body: { createIncident: valid } })
      expect(readOnly.status).toBe(403)
      expect(readOnly.body.message).toBe('Missing access: incident.incident.manage')
      expect((await incident(t, reader.key, { getIncidents: {} })).incidents).toEqual([])
    })

    it('lets a manage key read', async () => {
      await using t = await startHost(engine)
      const { key } = await t.createKey([MANAGE])
      const created = await incident(t, key, { createIncident: valid })
      expect((await incident(t, key, { getIncident: { incidentId: created.id } })).updates).toHaveLength(1)
    })
  })
}
