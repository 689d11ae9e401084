import { createApplication } from '@checkpost/auth-applications-server'
import { runInTransaction } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '@checkpost/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'
import { callApi, callOk } from './support/host-api.ts'
import { spawnHostProcess, type HostProcess } from './support/host-process.ts'

const READ = 'catalog.catalog.read'

/** Every migration the host runs, as `pluginId/name`. */
const ALL_MIGRATIONS = plugins.flatMap((p) => Object.keys(p.migrations).map((name) => `${p.id}/${name}`)).sort()

function envOf(testDb: TestDatabase): Record<string, string> {
  return { CHECKPOST_DATABASE_URL: testDb.url, ...testDb.env }
}

function appliedMigrations(hosts: readonly HostProcess[]): string[] {
  return hosts
    .flatMap((h) => h.logLines().filter((l) => l.message === 'migrations applied'))
    .flatMap((l) => l.migrations as string[])
    .sort()
}

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`two host processes on one ${engine} database${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 60_000 }, () => {
    let testDb: TestDatabase
    let a: HostProcess
    let b: HostProcess
    let adminKey: string
    const children: HostProcess[] = []
    let counter = 0
    const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now()}`

    const auth = (host: HostProcess, body: unknown, key = adminKey) => callApi(host.url, { key, plugin: 'auth-applications', body })
    const catalog = (host: HostProcess, body: unknown, key = adminKey) => callApi(host.url, { key, plugin: 'catalog', body })

    /** An application whose only custom role holds `rules`, made through `host`. */
    async function createKey(host: HostProcess, rules: readonly string[]) {
      const call = (body: unknown) => callOk(host.url, { key: adminKey, plugin: 'auth-applications', body })
      const { createRole: role } = await call({ createRole: { name: unique('role'), accessRules: rules } })
      const { createApplication: app } = await call({ createApplication: { name: unique('app') } })
      await call({ setApplicationRoles: { applicationId: app.id, roleIds: [role.id] } })
      return { key: app.secret as string, applicationId: app.id as string, roleId: role.id as string }
    }

    async function systemIdsThrough(host: HostProcess): Promise<Set<string>> {
      const body = await callOk(host.url, { key: adminKey, plugin: 'catalog', body: { getSystems: {} } })
      return new Set((body.getSystems.systems as { id: string }[]).map((s) => s.id))
    }

    beforeAll(async () => {
      testDb = await createTestDatabase(engine)
      // Both start at once on the fresh database: they race to migrate it.
      const started = await Promise.all([spawnHostProcess(envOf(testDb)), spawnHostProcess(envOf(testDb))])
      children.push(...started)
      ;[a, b] = started as [HostProcess, HostProcess]
      const admin = await runInTransaction(testDb.database, (db) =>
        createApplication(db, { name: 'admin', roleIds: ['admin'], createdBy: 'test' }, systemClock),
      )
      adminKey = admin.secret
    }, 120_000)

    afterAll(async () => {
      await Promise.all(children.map((child) => child.kill('SIGKILL')))
      await testDb?.dispose()
    })

    it('migrated the shared database once while both processes started at once', () => {
      expect(appliedMigrations([a, b])).toEqual(ALL_MIGRATIONS)
    })

    it('rejects a key regenerated through A on the very next request through B, which accepts the new key', async () => {
      const { key, applicationId } = await createKey(a, [READ])
      expect((await catalog(b, { getSystems: {} }, key)).status).toBe(200)
      expect((await catalog(a, { getSystems: {} }, key)).status).toBe(200)

      const regenerated = await auth(a, { regenerateApplicationSecret: { applicationId } })
      expect(regenerated.status).toBe(200)
      const newKey = regenerated.body.regenerateApplicationSecret.secret as string

      const old = await catalog(b, { getSystems: {} }, key)
      expect(old.status).toBe(401)
      expect(old.body.code).toBe('UNAUTHORIZED')
      expect((await catalog(b, { getSystems: {} }, newKey)).status).toBe(200)
      expect((await catalog(a, { getSystems: {} }, key)).status).toBe(401)
    })

    it('rejects a key deleted through B on the very next request through A', async () => {
      const { key, applicationId } = await createKey(b, [READ])
      expect((await catalog(a, { getSystems: {} }, key)).status).toBe(200)
      expect((await auth(b, { deleteApplication: { applicationId } })).status).toBe(200)
      expect((await catalog(a, { getSystems: {} }, key)).status).toBe(401)
    })

    it('applies a rule removed from a role through B on the very next request through A, and back', async () => {
      const { key, roleId } = await createKey(a, [READ])
      expect((await catalog(a, { getSystems: {} }, key)).status).toBe(200)

      expect((await auth(b, { updateRole: { roleId, accessRules: [] } })).status).toBe(200)
      const refused = await catalog(a, { getSystems: {} }, key)
      expect(refused.status).toBe(403)
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message: `Missing access: ${READ}` })

      expect((await auth(a, { updateRole: { roleId, accessRules: [READ] } })).status).toBe(200)
      expect((await catalog(b, { getSystems: {} }, key)).status).toBe(200)
    })

    it('lets exactly one of two concurrent createRole calls with one name win across processes (the other is 409)', async () => {
      for (let round = 0; round < 10; round++) {
        const name = unique('contested')
        const input = { createRole: { name, accessRules: [READ] } }
        const answers = await Promise.all([auth(a, input), auth(b, input)])
        expect(answers.map((x) => x.status).sort(), JSON.stringify(answers.map((x) => x.body))).toEqual([200, 409])
        const { getRoles } = await callOk(b.url, { key: adminKey, plugin: 'auth-applications', body: { getRoles: {} } })
        expect((getRoles.roles as { name: string }[]).filter((r) => r.name === name)).toHaveLength(1)
      }
    })

    it('keeps conflicting batches on A and B all-or-nothing: one wins, the other leaves no trace', async () => {
      for (let round = 0; round < 5; round++) {
        const { createSystem: contested } = await callOk(a.url, { key: adminKey, plugin: 'catalog', body: { createSystem: { name: unique('contested') } } })
        const batch = (side: string) => ({ deleteSystem: { systemId: contested.id }, createSystem: { name: `${contested.id}-${side}` } })
        const [fromA, fromB] = await Promise.all([catalog(a, batch('a')), catalog(b, batch('b'))])
        expect([fromA.status, fromB.status].sort()).toEqual([200, 404])
        const loser = fromA.status === 404 ? fromA : fromB
        expect(loser.body).toMatchObject({ code: 'NOT_FOUND', procedure: 'deleteSystem' })

        const { getSystems } = await callOk(b.url, { key: adminKey, plugin: 'catalog', body: { getSystems: {} } })
        const names = (getSystems.systems as { id: string; name: string }[]).map((s) => s.name)
        const winner = fromA.status === 200 ? 'a' : 'b'
        expect(names.filter((n) => n.startsWith(contested.id))).toEqual([`${contested.id}-${winner}`])
        expect((getSystems.systems as { id: string }[]).some((s) => s.id === contested.id)).toBe(false)
      }
    })

    it('loses no acknowledged write when a process is killed with SIGKILL mid-load, and the other keeps serving', async () => {
      const victim = await spawnHostProcess(envOf(testDb))
      children.push(victim)
      const acknowledged: string[] = []
      let failed = 0
      let sent = 0
      const worker = async () => {
        while (sent < 2000) {
          sent++
          try {
            const answer = await catalog(victim, { createSystem: { name: unique('load') } })
            if (answer.status === 200) acknowledged.push(answer.body.createSystem.id as string)
            else failed++
          } catch {
            failed++ // the connection died with the process
            return
          }
        }
      }
      const workers = Array.from({ length: 32 }, worker)
      while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 5))
      await victim.kill('SIGKILL')
      await Promise.all(workers)
      expect(await victim.exited).toBeNull()
      expect(failed).toBeGreaterThan(0) // some requests were in flight when it died

      const stored = await systemIdsThrough(b)
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
      expect((await catalog(b, { createSystem: { name: unique('after-kill') } })).status).toBe(200)
      expect((await catalog(a, { getSystems: {} })).status).toBe(200)
    })
  })

  describe.skipIf(skip)(`several host processes starting at once on a fresh ${engine} database${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 120_000 }, () => {
    it('migrates exactly once: every process listens, each migration ran in one process, one bookkeeping row each', async () => {
      const testDb = await createTestDatabase(engine)
      const hosts = await Promise.all(Array.from({ length: 4 }, () => spawnHostProcess(envOf(testDb))))
      try {
        expect(appliedMigrations(hosts)).toEqual(ALL_MIGRATIONS)
        for (const host of hosts) {
          expect(host.logLines().filter((l) => l.level === 'error')).toEqual([])
          expect((await callApi(host.url, { key: 'ck_x', plugin: 'catalog', body: { getSystems: {} } })).status).toBe(401)
        }
        const rows: string[] = []
        for (const plugin of plugins) {
          const table = `checkpost_migrations_${plugin.id.replace(/-/g, '_')}`
          const names = await testDb.database.db.selectFrom(table).select('name').execute()
          rows.push(...names.map((r: { name: string }) => `${plugin.id}/${r.name}`))
        }
        expect(rows.sort()).toEqual(ALL_MIGRATIONS)
      } finally {
        await Promise.all(hosts.map((h) => h.kill('SIGTERM')))
        await testDb.dispose()
      }
    })
  })
}
