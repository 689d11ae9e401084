import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'

const auth = (t: TestHost, body: unknown, key = t.adminKey) => t.call('auth-applications/', { key, body })
const catalog = (t: TestHost, key: string, body: unknown) => t.call('catalog/', { key, body })

/** Two systems, team A granted `level` on S1, and a key that is only a member of team A. */
async function world(t: TestHost, level: 'read' | 'manage' = 'read', rules: string[] = []) {
  const s1 = (await catalog(t, t.adminKey, { createSystem: { name: 's1' } })).body.createSystem.id as string
  const s2 = (await catalog(t, t.adminKey, { createSystem: { name: 's2' } })).body.createSystem.id as string
  const teamA = (await auth(t, { createTeam: { name: 'team-a' } })).body.createTeam.id as string
  const teamB = (await auth(t, { createTeam: { name: 'team-b' } })).body.createTeam.id as string
  const member = await t.createKey(rules, 'member')
  await auth(t, { addTeamMember: { teamId: teamA, applicationId: member.id } })
  await auth(t, {
    setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: s1, teamId: teamA, canRead: true, canManage: level === 'manage' },
  })
  return { s1, s2, teamA, teamB, member }
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`team access on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: [catalogPlugin], engine })

    it('a team member with a grant on S1 and no global rule sees only S1 in getSystems', async () => {
      await using t = await start()
      const { s1, member } = await world(t)
      const response = await catalog(t, member.key, { getSystems: {} })
      expect(response.status).toBe(200)
      expect(response.body.getSystems.systems.map((s: { id: string }) => s.id)).toEqual([s1])
    })

    it('reads S1 but gets 404 for S2, for reads, updates and deletes alike', async () => {
      await using t = await start()
      const { s1, s2, member } = await world(t)
      expect((await catalog(t, member.key, { getSystem: { systemId: s1 } })).status).toBe(200)
      for (const body of [{ getSystem: { systemId: s2 } }, { updateSystem: { systemId: s2, name: 'x' } }, { deleteSystem: { systemId: s2 } }]) {
        const response = await catalog(t, member.key, body)
        expect(response.status, JSON.stringify(body)).toBe(404)
        expect(response.body.code).toBe('NOT_FOUND')
      }
    })

    it('answers a hidden system exactly as an absent one, so ids cannot be probed', async () => {
      await using t = await start()
      const { s2 } = await world(t, 'read', ['catalog.catalog.read'])
      await auth(t, { setResourceAccessSettings: { resourceType: 'catalog.system', resourceId: s2, teamOnly: true } })
      const outsider = await t.createKey(['catalog.catalog.read'])
      const hidden = await catalog(t, outsider.key, { getSystem: { systemId: s2 } })
      const absent = await catalog(t, outsider.key, { getSystem: { systemId: '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10' } })
      expect(hidden.status).toBe(404)
      expect(hidden.body).toEqual(absent.body)
    })

    it('a read grant lets the member see S1 but not change it (403); a manage grant lets it', async () => {
      await using t = await start()
      const { s1, teamA, member } = await world(t)
      const denied = await catalog(t, member.key, { updateSystem: { systemId: s1, name: 'renamed' } })
      expect(denied.status).toBe(403)
      expect(denied.body.message).toBe(`Missing manage access to catalog.system ${s1}`)
      await auth(t, { setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: s1, teamId: teamA, canManage: true } })
      expect((await catalog(t, member.key, { updateSystem: { systemId: s1, name: 'renamed' } })).status).toBe(200)
    })

    it('without a grant-bearing team, a key without the rule still gets the seed\'s 403', async () => {
      await using t = await start()
      await world(t)
      const outsider = await t.createKey([])
      const response = await catalog(t, outsider.key, { getSystems: {} })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Missing access: catalog.catalog.read')
    })

    it('a member cannot add itself to another team or grant itself access: that needs teams manage', async () => {
      await using t = await start()
      const { s2, teamA, teamB, member } = await world(t, 'manage', ['catalog.catalog.manage'])
      const join = await auth(t, { addTeamMember: { teamId: teamB, applicationId: member.id } }, member.key)
      expect(join.status).toBe(403)
      expect(join.body.message).toBe('Missing access: auth-applications.teams.manage')
      const grant = await auth(t, { setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: s2, teamId: teamA, canManage: true } }, member.key)
      expect(grant.status).toBe(403)
    })

    it('a team-only system is invisible to a global read holder outside the granted team', async () => {
      await using t = await start()
      const { s1, s2, member } = await world(t)
      const reader = await t.createKey(['catalog.catalog.read'])
      await auth(t, { setResourceAccessSettings: { resourceType: 'catalog.system', resourceId: s1, teamOnly: true } })
      const list = await catalog(t, reader.key, { getSystems: {} })
      expect(list.body.getSystems.systems.map((s: { id: string }) => s.id)).toEqual([s2])
      expect((await catalog(t, reader.key, { getSystem: { systemId: s1 } })).status).toBe(404)
      expect((await catalog(t, member.key, { getSystem: { systemId: s1 } })).status).toBe(200)
      const settings = await auth(t, { getResourceAccessSettings: { resourceType: 'catalog.system', resourceId: s1 } })
      expect(settings.body.getResourceAccessSettings.teamOnly).toBe(true)
    })

    it('an admin (holder of *) still reaches a team-only system', async () => {
      await using t = await start()
      const { s1 } = await world(t)
      await auth(t, { setResourceAccessSettings: { resourceType: 'catalog.system', resourceId: s1, teamOnly: true } })
      const list = await catalog(t, t.adminKey, { getSystems: {} })
      expect(list.body.getSystems.systems).toHaveLength(2)
      expect((await catalog(t, t.adminKey, { getSystem: { systemId: s1 } })).status).toBe(200)
    })

    it('revoking a grant closes access on the next request', async () => {
      await using t = await start()
      const { s1, teamA, member } = await world(t)
      expect((await catalog(t, member.key, { getSystem: { systemId: s1 } })).status).toBe(200)
      await auth(t, { removeResourceTeamAccess: { resourceType: 'catalog.system', resourceId: s1, teamId: teamA } })
      expect((await catalog(t, member.key, { getSystem: { systemId: s1 } })).status).toBe(404)
    })

    it('removing the member from the team closes access on the next request', async () => {
      await using t = await start()
      const { s1, teamA, member } = await world(t)
      await auth(t, { removeTeamMember: { teamId: teamA, applicationId: member.id } })
      expect((await catalog(t, member.key, { getSystem: { systemId: s1 } })).status).toBe(403)
    })

    it('refuses a batch that mixes an allowed and a denied resource, whole', async () => {
      await using t = await start()
      const { s1, s2, member } = await world(t, 'manage')
      const response = await catalog(t, member.key, {
        updateSystem: { systemId: s1, name: 'changed' },
        deleteSystem: { systemId: s2 },
      })
      expect(response.status).toBe(404)
      expect(response.body.procedure).toBe('deleteSystem')
      const s1Now = await catalog(t, t.adminKey, { getSystem: { systemId: s1 } })
      expect(s1Now.body.getSystem.name).toBe('s1')
    })

    it('deleting the team removes its grants and memberships', async () => {
      await using t = await start()
      const { s1, teamA, member } = await world(t)
      await auth(t, { deleteTeam: { teamId: teamA } })
      const grants = await auth(t, { getResourceTeamAccess: { resourceType: 'catalog.system', resourceId: s1 } })
      expect(grants.body.getResourceTeamAccess.access).toEqual([])
      expect((await catalog(t, member.key, { getSystems: {} })).status).toBe(403)
    })

    it('deleting a system removes the grants and settings hanging on it', async () => {
      await using t = await start()
      const { s1 } = await world(t)
      await auth(t, { setResourceAccessSettings: { resourceType: 'catalog.system', resourceId: s1, teamOnly: true } })
      await catalog(t, t.adminKey, { deleteSystem: { systemId: s1 } })
      const rows = await t.db.database.db.selectFrom('auth_applications_resource_grants').selectAll().execute()
      const settings = await t.db.database.db.selectFrom('auth_applications_resource_settings').selectAll().execute()
      expect(rows).toEqual([])
      expect(settings).toEqual([])
    })

    it('deleting an application removes its memberships', async () => {
      await using t = await start()
      const { teamA, member } = await world(t)
      await auth(t, { deleteApplication: { applicationId: member.id } })
      const team = await auth(t, { getTeam: { teamId: teamA } })
      expect(team.body.getTeam.members).toEqual([])
    })

    it('lists an application\'s teams, both on the application and through getTeams', async () => {
      await using t = await start()
      const { teamA, member } = await world(t)
      const apps = await auth(t, { getApplications: {} })
      const listed = apps.body.getApplications.applications.find((a: { id: string }) => a.id === member.id)
      expect(listed.teams).toEqual([teamA])
      const teams = await auth(t, { getTeams: { applicationId: member.id } })
      expect(teams.body.getTeams.teams.map((team: { id: string }) => team.id)).toEqual([teamA])
      expect(teams.body.getTeams.teams[0].members).toEqual([{ kind: 'application', id: member.id }])
    })

    it('refuses grants on unknown resource types and on types that follow a parent', async () => {
      await using t = await start()
      const { teamA } = await world(t)
      const response = await auth(t, { setResourceTeamAccess: { resourceType: 'catalog.planet', resourceId: '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10', teamId: teamA } })
      expect(response.status).toBe(400)
      expect(response.body.message).toMatch(/^Unknown resource type "catalog.planet"/)
    })

    it('answers 409 for a duplicate team name and 404 for unknown teams and applications', async () => {
      await using t = await start()
      const { teamA } = await world(t)
      expect((await auth(t, { createTeam: { name: 'team-a' } })).status).toBe(409)
      expect((await auth(t, { getTeam: { teamId: '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10' } })).status).toBe(404)
      const noApp = await auth(t, { addTeamMember: { teamId: teamA, applicationId: '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10' } })
      expect(noApp.status).toBe(404)
    })
  })
}
