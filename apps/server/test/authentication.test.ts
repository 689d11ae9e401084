import { createHash } from 'node:crypto'
import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'

const APP_ID = 'a1b2c3d4-e5f6-4890-abcd-ef1234567890'
const SECRET = 'f8k2mN9xZpW3qR7vL5tYf8k2mN9xZpW3qR7vL5tY'

function getSystems(t: TestHost, authorization?: string) {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization }
  return t.call('catalog/', { headers, body: { getSystems: {} } })
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`authentication on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const start = () => createTestHost({ plugins: [catalogPlugin], engine })

    it('401 with WWW-Authenticate: Bearer when the header is missing', async () => {
      await using t = await start()
      const response = await getSystems(t)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
      expect(response.body.code).toBe('UNAUTHORIZED')
    })

    it('401, never 500, for malformed credentials of many shapes', async () => {
      await using t = await start()
      const { key } = await t.createKey(['catalog.catalog.read'])
      const shapes = [
        '',
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        `Token ${key}`,
        key,
        `Bearer ${key.slice(3)}`,
        `Bearer ck_${APP_ID}`,
        `Bearer ck_${APP_ID}_`,
        `Bearer ck_${APP_ID}_short`,
        `Bearer ck_not-a-uuid_${SECRET}`,
        `Bearer ck_${APP_ID}_${SECRET}!`,
        `Bearer ck_${APP_ID}_${SECRET} extra`,
        `Bearer ck_${APP_ID.toUpperCase()}_${SECRET}`,
        `Bearer ck_${APP_ID}_${'a'.repeat(5000)}`,
        `Bearer ${key}${key}`,
        `Bearer ck__${SECRET}`,
        'Bearer ck_\u00e9\u00e9_\u00fc',
        `Bearer ck_${APP_ID}_${SECRET}\t`,
        `Bearer ${'%00'.repeat(50)}`,
      ]
      for (const shape of shapes) {
        const response = await getSystems(t, shape)
        expect(response.status, JSON.stringify(shape)).toBe(401)
        expect(response.body.code).toBe('UNAUTHORIZED')
      }
    })

    it('401 that names the Bearer scheme when the key is sent without it', async () => {
      await using t = await start()
      const { key } = await t.createKey(['catalog.catalog.read'])
      const response = await getSystems(t, key)
      expect(response.body.message).toBe('Malformed API key: use the Bearer scheme (Authorization: Bearer ck_…)')
    })

    it('401 for a well-formed key of an unknown application', async () => {
      await using t = await start()
      const response = await getSystems(t, `Bearer ck_${APP_ID}_${SECRET}`)
      expect(response.status).toBe(401)
      expect(response.body).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid API key' })
    })

    it('401 for a known application with a wrong secret', async () => {
      await using t = await start()
      const { id } = await t.createKey(['catalog.catalog.read'])
      const response = await getSystems(t, `Bearer ck_${id}_${SECRET}`)
      expect(response.status).toBe(401)
    })

    it('accepts the Bearer scheme in any letter case', async () => {
      await using t = await start()
      const { key } = await t.createKey(['catalog.catalog.read'])
      expect((await getSystems(t, `bearer ${key}`)).status).toBe(200)
    })

    it('rejects a regenerated secret on the next request and accepts the new one', async () => {
      await using t = await start()
      const { key, id } = await t.createKey(['catalog.catalog.read'])
      expect((await getSystems(t, `Bearer ${key}`)).status).toBe(200)
      const regenerated = await t.call('auth-applications/', { key: t.adminKey, body: { regenerateApplicationSecret: { applicationId: id } } })
      const fresh = regenerated.body.regenerateApplicationSecret.secret
      expect((await getSystems(t, `Bearer ${key}`)).status).toBe(401)
      expect((await getSystems(t, `Bearer ${fresh}`)).status).toBe(200)
    })

    it('rejects a deleted application\'s key on the next request', async () => {
      await using t = await start()
      const { key, id } = await t.createKey(['catalog.catalog.read'])
      expect((await getSystems(t, `Bearer ${key}`)).status).toBe(200)
      await t.call('auth-applications/', { key: t.adminKey, body: { deleteApplication: { applicationId: id } } })
      expect((await getSystems(t, `Bearer ${key}`)).status).toBe(401)
    })

    it('applies a role edit on the next request, both ways', async () => {
      await using t = await start()
      const role = (await t.call('auth-applications/', { key: t.adminKey, body: { createRole: { name: 'r', accessRules: [] } } })).body.createRole
      const app = (await t.call('auth-applications/', { key: t.adminKey, body: { createApplication: { name: 'a' } } })).body.createApplication
      await t.call('auth-applications/', { key: t.adminKey, body: { setApplicationRoles: { applicationId: app.id, roleIds: [role.id] } } })
      expect((await getSystems(t, `Bearer ${app.secret}`)).status).toBe(403)
      await t.call('auth-applications/', { key: t.adminKey, body: { updateRole: { roleId: role.id, accessRules: ['catalog.catalog.read'] } } })
      expect((await getSystems(t, `Bearer ${app.secret}`)).status).toBe(200)
      await t.call('auth-applications/', { key: t.adminKey, body: { updateRole: { roleId: role.id, accessRules: [] } } })
      expect((await getSystems(t, `Bearer ${app.secret}`)).status).toBe(403)
    })

    it('takes removing a role from an application into account on the next request', async () => {
      await using t = await start()
      const { key, id } = await t.createKey(['catalog.catalog.read'])
      expect((await getSystems(t, `Bearer ${key}`)).status).toBe(200)
      await t.call('auth-applications/', { key: t.adminKey, body: { setApplicationRoles: { applicationId: id, roleIds: ['applications'] } } })
      expect((await getSystems(t, `Bearer ${key}`)).status).toBe(403)
    })

    it('gives new applications the applications role, which holds no rule', async () => {
      await using t = await start()
      const created = await t.call('auth-applications/', { key: t.adminKey, body: { createApplication: { name: 'new' } } })
      expect(created.body.createApplication.roles).toEqual(['applications'])
      expect((await getSystems(t, `Bearer ${created.body.createApplication.secret}`)).status).toBe(403)
    })

    it('refuses to delete built-in roles or to change what admin holds', async () => {
      await using t = await start()
      for (const body of [
        { deleteRole: { roleId: 'admin' } },
        { deleteRole: { roleId: 'applications' } },
        { updateRole: { roleId: 'admin', accessRules: [] } },
        { updateRole: { roleId: 'applications', name: 'renamed' } },
      ]) {
        const response = await t.call('auth-applications/', { key: t.adminKey, body })
        expect(response.status, JSON.stringify(body)).toBe(409)
      }
    })

    it('accepts only known access rules in roles', async () => {
      await using t = await start()
      const response = await t.call('auth-applications/', { key: t.adminKey, body: { createRole: { name: 'x', accessRules: ['catalog.catalog.read', '*'] } } })
      expect(response.status).toBe(400)
      expect(response.body.message).toBe('Unknown access rule "*"')
    })

    it('lists the access rules the host gathered from every plugin', async () => {
      await using t = await start()
      const response = await t.call('auth-applications/', { key: t.adminKey, body: { getAccessRules: {} } })
      const ids = response.body.getAccessRules.accessRules.map((rule: { id: string }) => rule.id)
      expect(ids).toEqual(expect.arrayContaining(['catalog.catalog.read', 'catalog.catalog.manage', 'auth-applications.roles.manage']))
    })

    it('never shows a secret or hash after creation: lists, single reads and logs stay clean', async () => {
      await using t = await start()
      const created = (await t.call('auth-applications/', { key: t.adminKey, body: { createApplication: { name: 'x' } } })).body.createApplication
      const secretPart = created.secret.split('_').at(-1)
      await getSystems(t, `Bearer ${created.secret}`)
      await getSystems(t, `Bearer ck_${created.id}_${SECRET}`)
      const list = await t.call('auth-applications/', { key: t.adminKey, body: { getApplications: {}, getRoles: {} } })
      const updated = await t.call('auth-applications/', { key: t.adminKey, body: { updateApplication: { applicationId: created.id, name: 'y' } } })
      for (const text of [JSON.stringify(list.body), JSON.stringify(updated.body), t.logs.join('\n')]) {
        expect(text).not.toContain(secretPart)
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain('$argon2')
      }
      expect(Object.keys(list.body.getApplications.applications[0]).sort()).toEqual([
        'allowedIps', 'createdAt', 'createdBy', 'description', 'expiresAt', 'id', 'lastUsedAt', 'lastUsedIp', 'name',
        'previousSecretExpiresAt', 'rateLimit', 'roles', 'teams',
      ])
    })

    it('stores secrets only as their SHA-256', async () => {
      await using t = await start()
      const { key, id } = await t.createKey([])
      const row = await t.db.database.db.selectFrom('auth_applications_applications').select('secret_hash').where('id', '=', id).executeTakeFirstOrThrow()
      const secret = key.split('_').at(-1)!
      expect(row.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'))
    })

    it('records lastUsedAt without a write per request, and writes it on shutdown', async () => {
      const t = await start()
      try {
        const { key, id } = await t.createKey(['catalog.catalog.read'])
        const lastUsed = async () =>
          (await t.db.database.db.selectFrom('auth_applications_applications').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at
        await getSystems(t, `Bearer ${key}`)
        await getSystems(t, `Bearer ${key}`)
        expect(await lastUsed()).toBeNull()
        await t.host.close()
        expect(await lastUsed()).toBe(t.clock.now().toISOString())
      } finally {
        await t.close()
      }
    })
  })
}
