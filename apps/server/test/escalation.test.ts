import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'

const APPS_MANAGE = 'auth-applications.applications.manage'
const ROLES_MANAGE = 'auth-applications.roles.manage'
const TEAMS_MANAGE = 'auth-applications.teams.manage'
const ABSENT_ID = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'

const auth = (t: TestHost, key: string, body: unknown) => t.call('auth-applications/', { key, body })
const asAdmin = async (t: TestHost, plugin: string, body: Record<string, unknown>) => {
  const response = await t.call(`${plugin}/`, { key: t.adminKey, body })
  if (response.status !== 200) throw new Error(`${plugin} ${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`)
  return response.body[Object.keys(body)[0]!]
}

/** An admin application (id only: the attacker never sees its key). */
async function adminApplication(t: TestHost) {
  return (await asAdmin(t, 'auth-applications', { createApplication: { name: 'ops-admin' } })).id as string
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`escalation on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: plugins.filter((p) => p.id !== 'auth-applications'), engine })

    it('refuses an applications.manage key giving itself the admin role (403, roles unchanged)', async () => {
      await using t = await start()
      const attacker = await t.createKey([APPS_MANAGE])
      const response = await auth(t, attacker.key, { setApplicationRoles: { applicationId: attacker.id, roleIds: ['admin'] } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Cannot grant access you do not hold: *')
      const apps = await asAdmin(t, 'auth-applications', { getApplications: {} })
      expect(apps.applications.find((a: { id: string }) => a.id === attacker.id).roles).not.toContain('admin')
    })

    it('refuses an applications.manage key regenerating an admin application\'s secret', async () => {
      await using t = await start()
      const attacker = await t.createKey([APPS_MANAGE])
      const target = await adminApplication(t)
      await asAdmin(t, 'auth-applications', { setApplicationRoles: { applicationId: target, roleIds: ['admin'] } })
      const response = await auth(t, attacker.key, { regenerateApplicationSecret: { applicationId: target } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Cannot grant access you do not hold: *')
      expect(JSON.stringify(response.body)).not.toContain('ck_')
    })

    it('refuses an applications.manage key deleting an admin application', async () => {
      await using t = await start()
      const attacker = await t.createKey([APPS_MANAGE])
      const target = await adminApplication(t)
      await asAdmin(t, 'auth-applications', { setApplicationRoles: { applicationId: target, roleIds: ['admin'] } })
      const response = await auth(t, attacker.key, { deleteApplication: { applicationId: target } })
      expect(response.status).toBe(403)
      const apps = await asAdmin(t, 'auth-applications', { getApplications: {} })
      expect(apps.applications.map((a: { id: string }) => a.id)).toContain(target)
    })

    it('refuses a roles.manage key adding applications.manage to its own role', async () => {
      await using t = await start()
      const attacker = await t.createKey([ROLES_MANAGE])
      const apps = await asAdmin(t, 'auth-applications', { getApplications: {} })
      const ownRole = apps.applications.find((a: { id: string }) => a.id === attacker.id).roles[0]
      const response = await auth(t, attacker.key, { updateRole: { roleId: ownRole, accessRules: [ROLES_MANAGE, APPS_MANAGE] } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe(`Cannot grant access you do not hold: ${APPS_MANAGE}`)
    })

    it('refuses a roles.manage key adding any rule it lacks to the built-in applications role', async () => {
      await using t = await start()
      const attacker = await t.createKey([ROLES_MANAGE])
      const response = await auth(t, attacker.key, { updateRole: { roleId: 'applications', accessRules: ['catalog.catalog.read'] } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Cannot grant access you do not hold: catalog.catalog.read')
    })

    it('refuses a roles.manage key creating a role with a rule it lacks', async () => {
      await using t = await start()
      const attacker = await t.createKey([ROLES_MANAGE])
      const response = await auth(t, attacker.key, { createRole: { name: 'mine', accessRules: [APPS_MANAGE] } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe(`Cannot grant access you do not hold: ${APPS_MANAGE}`)
    })

    it('refuses an applications.manage key creating an application while the default applications role holds rules it lacks', async () => {
      await using t = await start()
      await asAdmin(t, 'auth-applications', { updateRole: { roleId: 'applications', accessRules: ['catalog.catalog.read'] } })
      const attacker = await t.createKey([APPS_MANAGE])
      const response = await auth(t, attacker.key, { createApplication: { name: 'minted' } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Cannot grant access you do not hold: catalog.catalog.read')
    })

    it('refuses a teams.manage key granting its own team manage on a system it cannot see (404), so it cannot then change the system', async () => {
      await using t = await start()
      const attacker = await t.createKey([TEAMS_MANAGE])
      const system = (await asAdmin(t, 'catalog', { createSystem: { name: 'payments' } })).id
      const team = (await auth(t, attacker.key, { createTeam: { name: 'crew' } })).body.createTeam.id
      expect((await auth(t, attacker.key, { addTeamMember: { teamId: team, applicationId: attacker.id } })).status).toBe(200)
      const grant = await auth(t, attacker.key, {
        setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: system, teamId: team, canManage: true },
      })
      expect(grant.status).toBe(404)
      expect(grant.body.message).toBe('System not found')
      const followUps = [
        ['catalog', { updateSystem: { systemId: system, name: 'owned' } }],
        ['healthcheck', { createHealthCheck: { systemId: system, name: 'probe', kind: 'push' } }],
        ['incident', { createIncident: { title: 'fake', impact: 'critical', systemIds: [system] } }],
        ['maintenance', { scheduleWindow: { title: 'w', systemIds: [system], startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T01:00:00Z' } }],
      ] as const
      for (const [plugin, body] of followUps) {
        const response = await t.call(`${plugin}/`, { key: attacker.key, body })
        expect(response.status, `${plugin} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(403)
        expect(response.status).toBeLessThanOrEqual(404)
      }
    })

    it('refuses a catalog manager granting its team manage when it lacks the other plugins\' manage rules on that system', async () => {
      await using t = await start()
      const attacker = await t.createKey([TEAMS_MANAGE, 'catalog.catalog.manage'])
      const system = (await asAdmin(t, 'catalog', { createSystem: { name: 'payments' } })).id
      const team = (await auth(t, attacker.key, { createTeam: { name: 'crew' } })).body.createTeam.id
      const grant = await auth(t, attacker.key, {
        setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: system, teamId: team, canManage: true },
      })
      expect(grant.status).toBe(403)
      expect(grant.body.message).toBe('Cannot grant access you do not hold: catalog.system')
    })

    it('refuses a teams.manage key marking a system it cannot see team-only (404)', async () => {
      await using t = await start()
      const attacker = await t.createKey([TEAMS_MANAGE])
      const system = (await asAdmin(t, 'catalog', { createSystem: { name: 'payments' } })).id
      const response = await auth(t, attacker.key, {
        setResourceAccessSettings: { resourceType: 'catalog.system', resourceId: system, teamOnly: true },
      })
      expect(response.status).toBe(404)
      const settings = await asAdmin(t, 'auth-applications', { getResourceAccessSettings: { resourceType: 'catalog.system', resourceId: system } })
      expect(settings.teamOnly).toBe(false)
    })

    it('answers 404 to a grant on a system id that does not exist, even for the admin', async () => {
      await using t = await start()
      const team = (await asAdmin(t, 'auth-applications', { createTeam: { name: 'crew' } })).id
      const response = await auth(t, t.adminKey, {
        setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: ABSENT_ID, teamId: team, canRead: true },
      })
      expect(response.status).toBe(404)
      expect(response.body.message).toBe('System not found')
    })

    it('answers 400 to a grant on a resource id that is not a UUID', async () => {
      await using t = await start()
      const team = (await asAdmin(t, 'auth-applications', { createTeam: { name: 'crew' } })).id
      const response = await auth(t, t.adminKey, {
        setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: 'not-a-uuid', teamId: team, canRead: true },
      })
      expect(response.status).toBe(400)
      expect(response.body.issues[0].path).toBe('resourceId')
    })

    it('refuses a teams.manage key adding itself to a team granted on a system it cannot reach', async () => {
      await using t = await start()
      const attacker = await t.createKey([TEAMS_MANAGE])
      const system = (await asAdmin(t, 'catalog', { createSystem: { name: 'payments' } })).id
      const team = (await asAdmin(t, 'auth-applications', { createTeam: { name: 'owners' } })).id
      await asAdmin(t, 'auth-applications', {
        setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: system, teamId: team, canManage: true },
      })
      const response = await auth(t, attacker.key, { addTeamMember: { teamId: team, applicationId: attacker.id } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Cannot grant access you do not hold: catalog.system')
    })

    it('refuses an applications.manage key regenerating an application whose team reaches what the caller cannot', async () => {
      await using t = await start()
      const attacker = await t.createKey([APPS_MANAGE])
      const target = await adminApplication(t)
      const system = (await asAdmin(t, 'catalog', { createSystem: { name: 'payments' } })).id
      const team = (await asAdmin(t, 'auth-applications', { createTeam: { name: 'owners' } })).id
      await asAdmin(t, 'auth-applications', { addTeamMember: { teamId: team, applicationId: target } })
      await asAdmin(t, 'auth-applications', {
        setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: system, teamId: team, canRead: true },
      })
      const response = await auth(t, attacker.key, { regenerateApplicationSecret: { applicationId: target } })
      expect(response.status).toBe(403)
      expect(response.body.message).toBe('Cannot grant access you do not hold: catalog.system')
    })

    it('lets a delegated key hand out exactly what it holds', async () => {
      await using t = await start()
      const delegate = await t.createKey([APPS_MANAGE, ROLES_MANAGE, 'catalog.catalog.read'])
      const role = await auth(t, delegate.key, { createRole: { name: 'readers', accessRules: ['catalog.catalog.read'] } })
      expect(role.status).toBe(200)
      const app = await auth(t, delegate.key, { createApplication: { name: 'reader' } })
      expect(app.status).toBe(200)
      const set = await auth(t, delegate.key, { setApplicationRoles: { applicationId: app.body.createApplication.id, roleIds: [role.body.createRole.id] } })
      expect(set.status).toBe(200)
      const reader = await t.call('catalog/', { key: app.body.createApplication.secret, body: { getSystems: {} } })
      expect(reader.status).toBe(200)
    })
  })
}
