import { PACKAGE_TSCONFIG, serverPackageJson, type PluginFile } from './contract-files.ts'
import type { PluginNames } from './plugin-names.ts'

function tablesTs(n: PluginNames): string {
  return `/** The ${n.id} plugin's tables (timestamps as ISO text); the host knows none of them. */
export interface ${n.pascal}Tables {
  ${n.resource.table}: {
    id: string
    name: string
    description: string | null
    created_at: string
    updated_at: string
  }
}
`
}

function migrationTs(n: PluginNames): string {
  const t = n.resource.table
  return `import type { Kysely, Migration } from 'kysely'

export const create${n.resource.pluralPascal}: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('${t}')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropTable('${t}').execute()
  },
}
`
}

function repositoryTs(n: PluginNames): string {
  const r = n.resource
  return `import type { ${r.pascal} } from '@checkpost/${n.id}-contract'
import type { Kysely, Selectable } from 'kysely'
import type { ${n.pascal}Tables } from './tables.ts'

type Db = Kysely<${n.pascal}Tables>
type Row = Selectable<${n.pascal}Tables['${r.table}']>

function to${r.pascal}(row: Row): ${r.pascal} {
  return { id: row.id, name: row.name, description: row.description, createdAt: row.created_at, updatedAt: row.updated_at }
}

/** Every ${r.label.toLowerCase()}, by name. */
export async function list${r.pluralPascal}(db: Db): Promise<${r.pascal}[]> {
  const rows = await db.selectFrom('${r.table}').selectAll().orderBy('name').orderBy('id').execute()
  return rows.map(to${r.pascal})
}

/** One ${r.label.toLowerCase()}, or undefined. */
export async function find${r.pascal}(db: Db, id: string): Promise<${r.pascal} | undefined> {
  const row = await db.selectFrom('${r.table}').selectAll().where('id', '=', id).executeTakeFirst()
  return row && to${r.pascal}(row)
}

/** Which of \`ids\` exist (team grants on absent ids answer 404). */
export async function existing${r.pascal}Ids(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('${r.table}').select('id').where('id', 'in', [...ids]).execute()
  return new Set(rows.map((row) => row.id))
}

/** A new row's values. */
export interface New${r.pascal} {
  readonly id: string
  readonly name: string
  readonly description: string | null
  readonly at: string
}

/** Inserts one ${r.label.toLowerCase()}. */
export async function insert${r.pascal}Row(db: Db, row: New${r.pascal}): Promise<void> {
  await db
    .insertInto('${r.table}')
    .values({ id: row.id, name: row.name, description: row.description, created_at: row.at, updated_at: row.at })
    .execute()
}

/** The fields an update may change. */
export interface ${r.pascal}Patch {
  readonly name?: string
  readonly description?: string | null
}

/** Applies a partial update; false when the ${r.label.toLowerCase()} does not exist. */
export async function update${r.pascal}Row(db: Db, id: string, patch: ${r.pascal}Patch & { at: string }): Promise<boolean> {
  const result = await db
    .updateTable('${r.table}')
    .set({ name: patch.name, description: patch.description, updated_at: patch.at })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Deletes one ${r.label.toLowerCase()}; false when it did not exist. */
export async function delete${r.pascal}Row(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('${r.table}').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}
`
}

function serviceTs(n: PluginNames): string {
  const r = n.resource
  return `import { randomUUID } from 'node:crypto'
import type { ${r.pascal} } from '@checkpost/${n.id}-contract'
import type { Kysely } from 'kysely'
import { find${r.pascal}, insert${r.pascal}Row, update${r.pascal}Row, type ${r.pascal}Patch } from './${r.kebab}-repository.ts'
import type { ${n.pascal}Tables } from './tables.ts'

type Db = Kysely<${n.pascal}Tables>

/** Creates a ${r.label.toLowerCase()} and returns it as stored. */
export async function create${r.pascal}(db: Db, input: { name: string; description?: string }, at: string): Promise<${r.pascal}> {
  const id = randomUUID()
  await insert${r.pascal}Row(db, { id, name: input.name, description: input.description ?? null, at })
  return (await find${r.pascal}(db, id))!
}

/** Changes a ${r.label.toLowerCase()}; undefined when it does not exist. */
export async function update${r.pascal}(db: Db, id: string, patch: ${r.pascal}Patch & { at: string }): Promise<${r.pascal} | undefined> {
  if (!(await update${r.pascal}Row(db, id, patch))) return undefined
  return find${r.pascal}(db, id)
}
`
}

function routerTs(n: PluginNames): string {
  const r = n.resource
  return `import { ${n.camel}Contract } from '@checkpost/${n.id}-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { delete${r.pascal}Row, find${r.pascal}, list${r.pluralPascal} } from './${r.kebab}-repository.ts'
import { create${r.pascal}, update${r.pascal} } from './${r.kebab}-service.ts'
import type { ${n.pascal}Tables } from './tables.ts'

/** How 404s name it; the same word as the resource type's label, so hidden and absent answer alike. */
export const ${r.kebab.toUpperCase().replaceAll('-', '_')}_LABEL = '${r.label}'
const LABEL = ${r.kebab.toUpperCase().replaceAll('-', '_')}_LABEL

/** Implements the ${n.id} contract. */
export function create${n.pascal}Router({ clock }: Pick<PluginDeps, 'clock'>) {
  const os = implementPlugin<${n.pascal}Tables>()(${n.camel}Contract)
  const now = () => clock.now().toISOString()

  return os.router({
    get${r.pluralPascal}: os.get${r.pluralPascal}.handler(async ({ context }) => ({ ${r.pluralCamel}: await list${r.pluralPascal}(context.db) })),
    get${r.pascal}: os.get${r.pascal}.handler(async ({ context, input }) => orNotFound(await find${r.pascal}(context.db, input.${r.camel}Id), LABEL)),
    create${r.pascal}: os.create${r.pascal}.handler(({ context, input }) => create${r.pascal}(context.db, input, now())),
    update${r.pascal}: os.update${r.pascal}.handler(async ({ context, input }) => {
      const { ${r.camel}Id, ...patch } = input
      return orNotFound(await update${r.pascal}(context.db, ${r.camel}Id, { ...patch, at: now() }), LABEL)
    }),
    delete${r.pascal}: os.delete${r.pascal}.handler(async ({ context, input }) => {
      orNotFound(await delete${r.pascal}Row(context.db, input.${r.camel}Id), LABEL)
      // Other plugins (and team grants) forget what hung on it, in this transaction.
      await context.resourceDeleted('${n.id}.${r.kebab}', input.${r.camel}Id)
      return { success: true as const }
    }),
  })
}
`
}

function pluginTs(n: PluginNames): string {
  const r = n.resource
  const label = `${r.kebab.toUpperCase().replaceAll('-', '_')}_LABEL`
  return `import { ${n.camel}AccessRules, ${n.camel}Contract } from '@checkpost/${n.id}-contract'
import { definePlugin } from '@checkpost/server'
import { migrations } from './migrations/index.ts'
import { existing${r.pascal}Ids } from './${r.kebab}-repository.ts'
import { create${n.pascal}Router, ${label} } from './router.ts'
import type { ${n.pascal}Tables } from './tables.ts'

/** The ${n.id} plugin: ${r.pluralWords} with names and descriptions. */
export const ${n.camel}Plugin = definePlugin<${n.pascal}Tables>({
  id: '${n.id}',
  contract: ${n.camel}Contract,
  accessRules: ${n.camel}AccessRules,
  migrations,
  router: create${n.pascal}Router,
  resources: [{ type: '${n.id}.${r.kebab}', label: ${label}, existingIds: existing${r.pascal}Ids }],
})
`
}

/** The server package: tables → migration → repository → service → router → definePlugin. */
export function serverFiles(n: PluginNames): PluginFile[] {
  const dir = `plugins/${n.id}/server`
  const migration = `0001-create-${n.resource.pluralKebab}`
  return [
    { path: `${dir}/package.json`, content: serverPackageJson(n) },
    { path: `${dir}/tsconfig.json`, content: PACKAGE_TSCONFIG },
    { path: `${dir}/src/tables.ts`, content: tablesTs(n) },
    { path: `${dir}/src/migrations/${migration}.ts`, content: migrationTs(n) },
    {
      path: `${dir}/src/migrations/index.ts`,
      content: `import type { Migrations } from '@checkpost/db'\nimport { create${n.resource.pluralPascal} } from './${migration}.ts'\n\nexport const migrations: Migrations = {\n  '${migration}': create${n.resource.pluralPascal},\n}\n`,
    },
    { path: `${dir}/src/${n.resource.kebab}-repository.ts`, content: repositoryTs(n) },
    { path: `${dir}/src/${n.resource.kebab}-service.ts`, content: serviceTs(n) },
    { path: `${dir}/src/router.ts`, content: routerTs(n) },
    { path: `${dir}/src/plugin.ts`, content: pluginTs(n) },
    { path: `${dir}/src/index.ts`, content: `export { ${n.camel}Plugin } from './plugin.ts'\n` },
  ]
}
