import type { ProcedureMeta } from '@checkpost/contract'
import { migrateToLatest } from '@checkpost/db'
import { createTestDatabase, TEST_ENGINES } from '@checkpost/testing'
import { isContractProcedure } from '@orpc/contract'
import { describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'

/** The conformance suite every mounted plugin passes: shape, metadata, migrations. */
describe.each(plugins.map((plugin) => [plugin.id, plugin] as const))('plugin %s conforms', (id, plugin) => {
  const procedures = Object.entries(plugin.contract).filter(([, c]) => isContractProcedure(c))

  it('has a kebab-case id', () => {
    expect(id).toMatch(/^[a-z][a-z0-9-]*$/)
  })

  it('names every procedure in camelCase and declares access for each (or marks it public)', () => {
    expect(procedures.length).toBe(Object.keys(plugin.contract).length)
    for (const [name, contract] of procedures) {
      expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/)
      const meta = (contract as { '~orpc': { meta: ProcedureMeta } })['~orpc'].meta
      expect(meta.public === true || (meta.access?.length ?? 0) > 0, `${id}.${name} declares no access`).toBe(true)
    }
  })

  it('declares its access rules and resource types under its own id', () => {
    expect(plugin.accessRules.length).toBeGreaterThan(0)
    for (const rule of plugin.accessRules) expect(rule.id).toMatch(new RegExp(`^${id}\\.[a-z][a-z0-9-]*\\.(read|manage)$`))
    for (const resource of plugin.resources ?? []) expect(resource.type.startsWith(`${id}.`)).toBe(true)
  })

  it('accepts {} and null for every list procedure', async () => {
    // Lists scoped to one resource by definition take its reference.
    const scoped = new Set(['getResourceTeamAccess', 'getResourceAccessSettings'])
    const lists = procedures.filter(([name]) => /^get[A-Z].*s$/.test(name) && !scoped.has(name))
    for (const [name, contract] of lists) {
      const schema = (contract as { '~orpc': { inputSchema: { '~standard': { validate(v: unknown): unknown } } } })['~orpc'].inputSchema
      for (const input of [{}, null, undefined]) {
        const result = (await schema['~standard'].validate(input)) as { issues?: unknown }
        expect(result.issues, `${id}.${name} refuses ${JSON.stringify(input)}`).toBeUndefined()
      }
    }
  })

  for (const { engine, skip } of TEST_ENGINES) {
    it.skipIf(skip)(`migrates a fresh ${engine} database, twice without change, into tables prefixed ${id.replace(/-/g, '_')}_`, async () => {
      const testDb = await createTestDatabase(engine)
      try {
        const first = await migrateToLatest(testDb.database.db, [plugin])
        expect(first[0]!.results.every((r) => r.status === 'Success')).toBe(true)
        const second = await migrateToLatest(testDb.database.db, [plugin])
        expect(second[0]!.results).toEqual([])
        const tables = (await testDb.database.db.introspection.getTables()).map((t) => t.name)
        const own = tables.filter((name) => !name.startsWith('checkpost_migration'))
        expect(own.length).toBeGreaterThan(0)
        for (const name of own) expect(name.startsWith(`${id.replace(/-/g, '_')}_`), name).toBe(true)
      } finally {
        await testDb.dispose()
      }
    })
  }
})
