import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { addToPluginList, pluralize, scaffoldPlugin, toPluginNames } from '../src/index.ts'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const roots: string[] = []

/** A scratch root holding what the scaffold reads and edits: the server app's list and manifest, one plugin. */
function scratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'new-plugin-'))
  roots.push(root)
  mkdirSync(join(root, 'apps/server/src'), { recursive: true })
  for (const file of ['apps/server/src/plugins.ts', 'apps/server/package.json']) cpSync(join(REPO, file), join(root, file))
  cpSync(join(REPO, 'plugins/catalog/server/src/plugin.ts'), join(root, 'plugins/catalog/server/src/plugin.ts'), { recursive: true })
  return root
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('pnpm new-plugin', () => {
  it.each(['Notes', 'my_plugin', '1notes', 'notes-', 'a--b', 'notes.v2'])('refuses the id "%s", which is not kebab-case', (id) => {
    expect(() => scaffoldPlugin({ root: scratchRoot(), id })).toThrow(/is not kebab-case/)
  })

  it('refuses an id that clashes with a plugin already in plugins/', () => {
    expect(() => scaffoldPlugin({ root: scratchRoot(), id: 'catalog' })).toThrow('A plugin "catalog" already exists in plugins/')
  })

  it('refuses an id the host serves itself under /api/', () => {
    expect(() => scaffoldPlugin({ root: scratchRoot(), id: 'docs' })).toThrow('"docs" is a path the host serves itself')
  })

  it('refuses a resource name that is not kebab-case', () => {
    expect(() => scaffoldPlugin({ root: scratchRoot(), id: 'notes', resource: 'Note' })).toThrow('Resource "Note" is not kebab-case')
  })

  it('writes the contract and server packages, tests and README, and registers the plugin with the server app', () => {
    const root = scratchRoot()
    const written = scaffoldPlugin({ root, id: 'release-notes', resource: 'note' })
    for (const path of [
      'plugins/release-notes/contract/src/contract.ts',
      'plugins/release-notes/contract/src/access.ts',
      'plugins/release-notes/server/src/migrations/0001-create-notes.ts',
      'plugins/release-notes/server/src/note-repository.ts',
      'plugins/release-notes/server/src/note-service.ts',
      'plugins/release-notes/server/src/router.ts',
      'plugins/release-notes/server/src/plugin.ts',
      'plugins/release-notes/server/test/note.test.ts',
      'plugins/release-notes/README.md',
    ]) {
      expect(written).toContain(path)
      expect(existsSync(join(root, path)), path).toBe(true)
    }
    const list = readFileSync(join(root, 'apps/server/src/plugins.ts'), 'utf8')
    expect(list).toContain("import { releaseNotesPlugin } from '@checkpost/release-notes-server'")
    expect(list).toMatch(/incidentPlugin, releaseNotesPlugin\]/)
    const manifest = JSON.parse(readFileSync(join(root, 'apps/server/package.json'), 'utf8'))
    expect(manifest.dependencies['@checkpost/release-notes-server']).toBe('workspace:*')
    expect(readFileSync(join(root, 'plugins/release-notes/contract/src/access.ts'), 'utf8')).toContain("defineAccessRules('release-notes'")
  })

  it('refuses to scaffold the same id twice', () => {
    const root = scratchRoot()
    scaffoldPlugin({ root, id: 'notes' })
    expect(() => scaffoldPlugin({ root, id: 'notes' })).toThrow('A plugin "notes" already exists')
  })

  it('appends to a plugin list written over several lines', () => {
    const source = "import { a } from 'a'\n\nexport const plugins: readonly PluginDefinition[] = [\n  aPlugin,\n  bPlugin,\n]\n"
    const edited = addToPluginList(source, toPluginNames('notes', 'note'))
    expect(edited).toBe(
      "import { a } from 'a'\nimport { notesPlugin } from '@checkpost/notes-server'\n\nexport const plugins: readonly PluginDefinition[] = [\n  aPlugin,\n  bPlugin, notesPlugin,\n]\n",
    )
  })

  it('names tables, rules and procedures from the id and resource', () => {
    const names = toPluginNames('status-pages', 'status-page')
    expect(names.resource).toMatchObject({ pluralPascal: 'StatusPages', camel: 'statusPage', table: 'status_pages_status_pages' })
    expect([pluralize('entry'), pluralize('box'), pluralize('key'), pluralize('note')]).toEqual(['entries', 'boxes', 'keys', 'notes'])
  })
})
