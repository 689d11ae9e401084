import { createHash } from 'node:crypto'
import { insertAuditEntry, purgeOldAuditEntries } from '@checkpost/auth-applications-server'
import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { callOk } from './support/host-api.ts'
import { startListeningServer } from './listening-server.ts'

const auth = (t: TestHost, body: unknown, key = t.adminKey) => t.call('auth-applications/', { key, body })
const ok = async (t: TestHost, body: Record<string, unknown>) => {
  const response = await auth(t, body)
  if (response.status !== 200) throw new Error(`${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`)
  return response.body[Object.keys(body)[0]!]
}
const log = async (t: TestHost, filter: Record<string, unknown> = {}) => (await ok(t, { getAuditLog: filter })) as {
  entries: { action: string; actor: { kind: string; id: string }; target: { type: string; id: string; name?: string }; changes?: Record<string, unknown>; requestId: string | null }[]
  nextCursor: string | null
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`audit log on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: [catalogPlugin], engine })

    it('writes one entry per change, named as DESIGN.md, with actor, target and request id', async () => {
      await using t = await start()
      const system = (await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name: 's' } } })).body.createSystem.id
      const app = await ok(t, { createApplication: { name: 'ci' } })
      await ok(t, { updateApplication: { applicationId: app.id, description: 'deploys' } })
      await ok(t, { regenerateApplicationSecret: { applicationId: app.id } })
      const role = await ok(t, { createRole: { name: 'readers', accessRules: ['catalog.catalog.read'] } })
      await ok(t, { updateRole: { roleId: role.id, description: 'read only' } })
      await ok(t, { setApplicationRoles: { applicationId: app.id, roleIds: [role.id] } })
      const team = await ok(t, { createTeam: { name: 'ops' } })
      await ok(t, { addTeamMember: { teamId: team.id, applicationId: app.id } })
      const ref = { resourceType: 'catalog.system', resourceId: system }
      await ok(t, { setResourceTeamAccess: { ...ref, teamId: team.id, canManage: true } })
      await ok(t, { setResourceAccessSettings: { ...ref, teamOnly: true } })
      await ok(t, { removeResourceTeamAccess: { ...ref, teamId: team.id } })
      await ok(t, { removeTeamMember: { teamId: team.id, applicationId: app.id } })
      await ok(t, { deleteApplication: { applicationId: app.id } })
      await ok(t, { deleteRole: { roleId: role.id } })
      await ok(t, { deleteTeam: { teamId: team.id } })
      const { entries } = await log(t, { limit: 500 })
      expect(entries.map((e) => e.action).reverse()).toEqual([
        'application.created', 'application.updated', 'application.secret_regenerated', 'role.created', 'role.updated',
        'application.roles_set', 'team.created', 'team.member_added', 'grant.set', 'access_settings.set', 'grant.removed',
        'team.member_removed', 'application.deleted', 'role.deleted', 'team.deleted',
      ])
      const admin = entries.at(-1)!.actor
      expect(entries.every((e) => e.actor.kind === 'application' && e.actor.id === admin.id && typeof e.requestId === 'string')).toBe(true)
      expect(entries.find((e) => e.action === 'application.roles_set')).toMatchObject({
        target: { type: 'application', id: app.id, name: 'ci' },
        changes: { roleIds: [role.id] },
      })
      expect(entries.find((e) => e.action === 'grant.set')).toMatchObject({ target: { type: 'catalog.system', id: system }, changes: { teamId: team.id, canManage: true } })
    })

    it('never stores a secret or its hash', async () => {
      await using t = await start()
      const app = await ok(t, { createApplication: { name: 'ci' } })
      const again = await ok(t, { regenerateApplicationSecret: { applicationId: app.id } })
      const text = JSON.stringify(await log(t))
      for (const key of [app.secret, again.secret]) {
        const secret = key.split('_').at(-1)
        expect(text).not.toContain(secret)
        expect(text).not.toContain(createHash('sha256').update(secret).digest('hex'))
      }
    })

    it('writes nothing for a refused batch: the entry is in the changing transaction', async () => {
      await using t = await start()
      await ok(t, { createTeam: { name: 'ops' } })
      const response = await auth(t, { createRole: { name: 'fresh', accessRules: [] }, createTeam: { name: 'ops' } })
      expect(response.status).toBe(409)
      expect((await log(t)).entries.map((e) => e.action)).toEqual(['team.created'])
    })

    it('writes nothing when the escalation rules refuse the change', async () => {
      await using t = await start()
      const delegate = await t.createKey(['auth-applications.applications.manage'])
      expect((await auth(t, { setApplicationRoles: { applicationId: delegate.id, roleIds: ['admin'] } }, delegate.key)).status).toBe(403)
      expect((await log(t)).entries).toEqual([])
    })

    it('answers 403 to getAuditLog without auth-applications.audit.read, and 200 with it', async () => {
      await using t = await start()
      const manager = await t.createKey(['auth-applications.applications.manage'])
      const denied = await auth(t, { getAuditLog: {} }, manager.key)
      expect(denied.status).toBe(403)
      expect(denied.body.message).toBe('Missing access: auth-applications.audit.read')
      const auditor = await t.createKey(['auth-applications.audit.read'])
      expect((await auth(t, { getAuditLog: {} }, auditor.key)).status).toBe(200)
    })

    it('filters by actor, target, action and time, and pages newest first with a cursor', async () => {
      await using t = await start()
      const delegate = await t.createKey(['auth-applications.teams.manage'])
      const teams = []
      for (const name of ['a', 'b', 'c']) {
        teams.push((await auth(t, { createTeam: { name } }, delegate.key)).body.createTeam)
        t.clock.advance(60_000)
      }
      await ok(t, { updateTeam: { teamId: teams[0].id, description: 'first' } })
      expect((await log(t, { actorId: delegate.id })).entries.map((e) => e.target.name)).toEqual(['c', 'b', 'a'])
      expect((await log(t, { targetId: teams[0].id })).entries.map((e) => e.action)).toEqual(['team.updated', 'team.created'])
      expect((await log(t, { action: 'team.updated' })).entries).toHaveLength(1)
      const firstAt = (await log(t, { targetId: teams[1].id })).entries[0]!
      expect((await log(t, { from: (firstAt as unknown as { at: string }).at, action: 'team.created' })).entries.map((e) => e.target.name)).toEqual(['c', 'b'])
      const page1 = await log(t, { limit: 2 })
      const page2 = await log(t, { limit: 2, cursor: page1.nextCursor })
      expect([...page1.entries, ...page2.entries].map((e) => e.action)).toEqual(['team.updated', 'team.created', 'team.created', 'team.created'])
      expect(page2.nextCursor).toBeNull()
    })

    it('answers 400 to a malformed cursor, time or action filter', async () => {
      await using t = await start()
      for (const filter of [{ cursor: 'nope' }, { from: 'yesterday' }, { action: 'DROP TABLE' }, { limit: 0 }]) {
        expect((await auth(t, { getAuditLog: filter })).status, JSON.stringify(filter)).toBe(400)
      }
    })

    it('retention deletes entries older than the configured days, in bounded batches, and keeps newer ones', async () => {
      await using t = await start()
      const now = t.clock.now()
      const old = new Date(now.getTime() - 40 * 86_400_000).toISOString()
      const actor = { kind: 'cli' as const, id: 'cli', name: 'test' }
      for (let i = 0; i < 2_100; i++) {
        const entry = { id: crypto.randomUUID(), at: old, actor, action: 'team.created', target: { type: 'team', id: `t${i}` }, requestId: null, sourceIp: null }
        await insertAuditEntry(t.db.database.db as never, entry)
      }
      await ok(t, { createTeam: { name: 'recent' } })
      expect(await purgeOldAuditEntries(t.db.database, now, 30)).toBe(2_100)
      expect((await log(t)).entries.map((e) => e.target.name)).toEqual(['recent'])
    })
  })
}

describe('audit log over real HTTP', () => {
  it('records the socket address of the client as sourceIp', async () => {
    await using s = await startListeningServer()
    await callOk(s.url, { key: s.adminKey, plugin: 'auth-applications', body: { createTeam: { name: 'ops' } } })
    const { getAuditLog } = await callOk(s.url, { key: s.adminKey, plugin: 'auth-applications', body: { getAuditLog: {} } })
    expect(getAuditLog.entries[0]).toMatchObject({ action: 'team.created', sourceIp: '127.0.0.1' })
  })
})
