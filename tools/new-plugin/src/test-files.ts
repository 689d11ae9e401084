import type { PluginFile } from './contract-files.ts'
import type { PluginNames } from './plugin-names.ts'

function pluginTest(n: PluginNames): string {
  const r = n.resource
  const create = (name: string) => `{ create${r.pascal}: { name: '${name}' } }`
  return `import { createTestHost, TEST_ENGINES, type TestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { ${n.camel}Plugin } from '../src/index.ts'

const READ = '${n.id}.${r.kebab}.read'
const MANAGE = '${n.id}.${r.kebab}.manage'
const MISSING_ID = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'

/** Calls the plugin's JSON endpoint as the admin (or \`key\`). */
const call = (t: TestHost, body: unknown, key = t.adminKey) => t.call('${n.id}/', { key, body })

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(\`${n.id} on \${engine}\${skip ? \` (skipped: \${skip})\` : ''}\`, () => {
    const start = () => createTestHost({ plugins: [${n.camel}Plugin], engine })

    it('creates a ${r.label.toLowerCase()} and lists it', async () => {
      await using t = await start()
      const { key } = await t.createKey([MANAGE])
      const created = await call(t, { create${r.pascal}: { name: 'first', description: 'the first one' } }, key)
      expect(created.status).toBe(200)
      expect(created.body.create${r.pascal}).toMatchObject({ name: 'first', description: 'the first one' })
      const listed = await call(t, { get${r.pluralPascal}: {} }, key)
      expect(listed.body.get${r.pluralPascal}.${r.pluralCamel}).toEqual([created.body.create${r.pascal}])
    })

    it('updates a ${r.label.toLowerCase()} and reads the change back', async () => {
      await using t = await start()
      const { id } = (await call(t, ${create('before')})).body.create${r.pascal}
      const updated = await call(t, { update${r.pascal}: { ${r.camel}Id: id, name: 'after', description: null } })
      expect(updated.status).toBe(200)
      const read = await call(t, { get${r.pascal}: { ${r.camel}Id: id } })
      expect(read.body.get${r.pascal}).toMatchObject({ id, name: 'after', description: null })
    })

    it('deletes a ${r.label.toLowerCase()}, after which it is 404', async () => {
      await using t = await start()
      const { id } = (await call(t, ${create('doomed')})).body.create${r.pascal}
      expect((await call(t, { delete${r.pascal}: { ${r.camel}Id: id } })).body).toEqual({ delete${r.pascal}: { success: true } })
      const gone = await call(t, { get${r.pascal}: { ${r.camel}Id: id } })
      expect(gone.status).toBe(404)
      expect(gone.body).toEqual({ code: 'NOT_FOUND', message: '${r.label} not found', procedure: 'get${r.pascal}' })
    })

    it('answers 404 for an unknown id', async () => {
      await using t = await start()
      expect((await call(t, { update${r.pascal}: { ${r.camel}Id: MISSING_ID, name: 'x' } })).status).toBe(404)
    })

    it('answers 403 naming the read rule to a key without rules', async () => {
      await using t = await start()
      const { key } = await t.createKey([])
      const response = await call(t, { get${r.pluralPascal}: {} }, key)
      expect(response.status).toBe(403)
      expect(response.body).toEqual({ code: 'FORBIDDEN', message: \`Missing access: \${READ}\`, procedure: 'get${r.pluralPascal}' })
    })

    it('refuses writes to a key holding only read', async () => {
      await using t = await start()
      const { key } = await t.createKey([READ])
      const response = await call(t, ${create('x')}, key)
      expect(response.status).toBe(403)
      expect(response.body.message).toBe(\`Missing access: \${MANAGE}\`)
    })

    it('answers 400 with issues for an empty name', async () => {
      await using t = await start()
      const response = await call(t, ${create('   ')})
      expect(response.status).toBe(400)
      expect(response.body.issues[0].path).toBe('name')
    })

    it('shows a key without rules only the ${r.pluralWords} its team was granted', async () => {
      await using t = await start()
      const shared = (await call(t, ${create('shared')})).body.create${r.pascal}
      const hidden = (await call(t, ${create('hidden')})).body.create${r.pascal}
      const member = await t.createKey([])
      const auth = (body: unknown) => t.call('auth-applications/', { key: t.adminKey, body })
      const teamId = (await auth({ createTeam: { name: 'readers' } })).body.createTeam.id
      await auth({ addTeamMember: { teamId, applicationId: member.id } })
      await auth({ setResourceTeamAccess: { resourceType: '${n.id}.${r.kebab}', resourceId: shared.id, teamId, canRead: true } })
      const listed = await call(t, { get${r.pluralPascal}: {} }, member.key)
      expect(listed.body.get${r.pluralPascal}.${r.pluralCamel}.map((item: { id: string }) => item.id)).toEqual([shared.id])
      expect((await call(t, { get${r.pascal}: { ${r.camel}Id: hidden.id } }, member.key)).status).toBe(404)
    })
  })
}
`
}

const SETUP = `import { applicationsTestAuth } from '@checkpost/auth-applications-server/testing'
import { useTestAuth } from '@checkpost/testing'

// Test hosts here authenticate with application keys (the kit itself knows no plugin).
useTestAuth(applicationsTestAuth)
`

const VITEST_CONFIG = `import { defineConfig } from 'vitest/config'

// Real databases: room on a busy machine.
export default defineConfig({ test: { setupFiles: ['./test/setup.ts'], testTimeout: 30_000 } })
`

function readme(n: PluginNames): string {
  const r = n.resource
  return `# ${n.id}

${r.pluralWords[0]!.toUpperCase()}${r.pluralWords.slice(1)} with a name and a description, at \`/api/${n.id}/\`.
Scaffolded by \`pnpm new-plugin ${n.id} --resource ${r.kebab}\`; see docs/plugin-authoring.md.

| procedure | rule | input |
|---|---|---|
| get${r.pluralPascal} | \`${n.id}.${r.kebab}.read\` | \`{}\` → \`{ ${r.pluralCamel}: [...] }\` (filtered by team grants) |
| get${r.pascal} | \`${n.id}.${r.kebab}.read\` | \`{ ${r.camel}Id }\` |
| create${r.pascal} | \`${n.id}.${r.kebab}.manage\` | \`{ name, description? }\` |
| update${r.pascal} | \`${n.id}.${r.kebab}.manage\` | \`{ ${r.camel}Id, name?, description? }\` |
| delete${r.pascal} | \`${n.id}.${r.kebab}.manage\` | \`{ ${r.camel}Id }\` |

Teams can be granted one ${r.label.toLowerCase()} (resource type \`${n.id}.${r.kebab}\`).
Table: \`${r.table}\`. Tests: \`pnpm --filter @checkpost/${n.id}-server test\`.
`
}

/** The plugin's tests (through the real host), its vitest setup and its README. */
export function testFiles(n: PluginNames): PluginFile[] {
  const dir = `plugins/${n.id}/server`
  return [
    { path: `${dir}/vitest.config.ts`, content: VITEST_CONFIG },
    { path: `${dir}/test/setup.ts`, content: SETUP },
    { path: `${dir}/test/${n.resource.kebab}.test.ts`, content: pluginTest(n) },
    { path: `plugins/${n.id}/README.md`, content: readme(n) },
  ]
}
