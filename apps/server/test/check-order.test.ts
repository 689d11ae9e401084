import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'

const others = plugins.filter((p) => p.id !== 'auth-applications')

/** A key that is only a member of a team granted read on one system. */
async function teamReader(t: TestHost) {
  const admin = async (plugin: string, body: Record<string, unknown>) =>
    (await t.call(`${plugin}/`, { key: t.adminKey, body })).body[Object.keys(body)[0]!]
  const system = (await admin('catalog', { createSystem: { name: 's' } })).id as string
  const team = (await admin('auth-applications', { createTeam: { name: 'team' } })).id as string
  const member = await t.createKey([])
  await admin('auth-applications', { addTeamMember: { teamId: team, applicationId: member.id } })
  await admin('auth-applications', { setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: system, teamId: team } })
  return { system, member }
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`order of checks on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: others, engine })

    it('answers a rule-less key 403 whatever its input, on the JSON endpoint', async () => {
      await using t = await start()
      const { key } = await t.createKey([])
      const response = await t.call('healthcheck/', { key, body: { getHealthCheck: {} } })
      expect(response.status).toBe(403)
      expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: 'Missing access: healthcheck.healthcheck.read', procedure: 'getHealthCheck' })
    })

    it('answers a rule-less key 403 whatever its input, on the per-procedure endpoint', async () => {
      await using t = await start()
      const { key } = await t.createKey([])
      const response = await t.call('healthcheck/getHealthCheck', { key, body: { healthCheckId: 42 } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Missing access: healthcheck.healthcheck.read')
    })

    it('checks every key\'s rule before any key\'s input in a batch', async () => {
      await using t = await start()
      const { key } = await t.createKey(['catalog.catalog.read'])
      const response = await t.call('catalog/', { key, body: { getSystem: { systemId: 'bad' }, createSystem: { name: 'x' } } })
      expect(response.status).toBe(403)
      expect(response.body).toMatchObject({ message: 'Missing access: catalog.catalog.manage', procedure: 'createSystem' })
    })

    it('validates input before instance checks: a team member sending a malformed id gets 400, not 404', async () => {
      await using t = await start()
      const { member } = await teamReader(t)
      for (const path of ['catalog/', 'catalog/getSystem']) {
        const body = path === 'catalog/' ? { getSystem: { systemId: 'not-a-uuid' } } : { systemId: 'not-a-uuid' }
        const response = await t.call(path, { key: member.key, body })
        expect(response.status, path).toBe(400)
      }
    })

    it('checks instances after validation: a team member reading an unseen system gets 404 on both endpoints', async () => {
      await using t = await start()
      const { member } = await teamReader(t)
      const unseen = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'
      expect((await t.call('catalog/', { key: member.key, body: { getSystem: { systemId: unseen } } })).status).toBe(404)
      expect((await t.call('catalog/getSystem', { key: member.key, body: { systemId: unseen } })).status).toBe(404)
    })
  })
}
