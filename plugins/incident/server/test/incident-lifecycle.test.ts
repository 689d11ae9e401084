import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { createSystem, incident, MANAGE, startHost, UNKNOWN_ID } from './incident-test-kit.ts'

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`incident lifecycle on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('moves through the lifecycle, refuses updates once resolved, and reopens on request', async () => {
      await using t = await startHost(engine)
      const { key, id: appId } = await t.createKey([MANAGE], 'pager-bridge')
      const api = await createSystem(t, 'api')
      const created = await incident(t, key, {
        createIncident: { title: 'API errors', impact: 'major', systemIds: [api], message: 'Looking into 5xx' },
      })
      expect(created).toMatchObject({ title: 'API errors', impact: 'major', systemIds: [api], status: 'investigating', resolvedAt: null, description: null })
      const id = created.id
      const steps = [
        { status: 'identified', message: 'Bad deploy' },
        { status: 'monitoring', message: 'Rolled back' },
        { status: 'resolved', message: 'All good' },
      ]
      for (const step of steps) {
        t.clock.advance(60_000)
        await incident(t, key, { addUpdate: { incidentId: id, ...step } })
      }
      const resolved = await incident(t, key, { getIncident: { incidentId: id } })
      expect(resolved.status).toBe('resolved')
      expect(resolved.resolvedAt).toBe(t.clock.now().toISOString())
      expect(resolved.updates.map((u: { status: string; message: string }) => [u.status, u.message])).toEqual([
        ['investigating', 'Looking into 5xx'],
        ['identified', 'Bad deploy'],
        ['monitoring', 'Rolled back'],
        ['resolved', 'All good'],
      ])
      for (const update of resolved.updates) {
        expect(update.author).toEqual({ kind: 'application', id: appId, name: 'pager-bridge' })
      }

      const refused = await t.call('incident/', { key, body: { addUpdate: { incidentId: id, status: 'monitoring', message: 'again?' } } })
      expect(refused.status).toBe(409)
      expect(refused.body.code).toBe('CONFLICT')
      const stillResolved = await t.call('incident/', { key, body: { resolveIncident: { incidentId: id } } })
      expect(stillResolved.status).toBe(409)
      const reopenResolved = await t.call('incident/', { key, body: { addUpdate: { incidentId: id, status: 'resolved', message: 'x', reopen: true } } })
      expect(reopenResolved.status).toBe(400)

      t.clock.advance(60_000)
      const reopened = await incident(t, key, { addUpdate: { incidentId: id, status: 'investigating', message: 'It is back', reopen: true } })
      expect(reopened).toMatchObject({ status: 'investigating', resolvedAt: null })
      expect(reopened.updates).toHaveLength(5)
      expect(reopened.updates[4]).toMatchObject({ status: 'investigating', message: 'It is back', createdAt: t.clock.now().toISOString() })
    })

    it('records the calling application as author and ignores an author sent in the input', async () => {
      await using t = await startHost(engine)
      const { key, id: appId } = await t.createKey([MANAGE], 'status-bot')
      const forged = { kind: 'user', id: 'someone-else', name: 'Mallory' }
      const created = await incident(t, key, {
        createIncident: { title: 'Slow', impact: 'minor', systemIds: [], author: forged },
      })
      const updated = await incident(t, key, { addUpdate: { incidentId: created.id, message: 'note', author: forged } })
      const resolved = await incident(t, key, { resolveIncident: { incidentId: created.id, author: forged } })
      expect(updated.updates[1].status).toBe('investigating')
      expect(resolved.updates.map((u: { message: string }) => u.message)).toEqual(['Incident created', 'note', 'Incident resolved'])
      for (const update of resolved.updates) {
        expect(update.author).toEqual({ kind: 'application', id: appId, name: 'status-bot' })
      }
    })

    it('resolves with resolveIncident and deletes an incident', async () => {
      await using t = await startHost(engine)
      const created = await incident(t, t.adminKey, { createIncident: { title: 'Down', impact: 'critical', systemIds: [], status: 'identified' } })
      expect(created.status).toBe('identified')
      const resolved = await incident(t, t.adminKey, { resolveIncident: { incidentId: created.id, message: 'Fixed' } })
      expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: t.clock.now().toISOString() })
      expect(resolved.updates.at(-1)).toMatchObject({ status: 'resolved', message: 'Fixed' })
      expect(await incident(t, t.adminKey, { deleteIncident: { incidentId: created.id } })).toEqual({ success: true })
      const gone = await t.call('incident/', { key: t.adminKey, body: { getIncident: { incidentId: created.id } } })
      expect(gone.status).toBe(404)
    })

    it('stores nothing when a batch creates an incident and then updates an unknown one', async () => {
      await using t = await startHost(engine)
      const response = await t.call('incident/', {
        key: t.adminKey,
        body: {
          createIncident: { title: 'Half', impact: 'minor', systemIds: [] },
          addUpdate: { incidentId: UNKNOWN_ID, message: 'nope' },
        },
      })
      expect(response.status).toBe(404)
      expect(response.body).toMatchObject({ code: 'NOT_FOUND', procedure: 'addUpdate' })
      const listed = await incident(t, t.adminKey, { getIncidents: {} })
      expect(listed.incidents).toEqual([])
    })
  })
}
