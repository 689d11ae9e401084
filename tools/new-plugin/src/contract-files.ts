import type { PluginNames } from './plugin-names.ts'

/** A file to write, relative to the repository root. */
export interface PluginFile {
  readonly path: string
  readonly content: string
}

/** `access.note` or `access['status-page']`. */
export function accessOf(n: PluginNames): string {
  return n.resource.kebab.includes('-') ? `access['${n.resource.kebab}']` : `access.${n.resource.kebab}`
}

const packageJson = (name: string, deps: Record<string, string>, devDeps?: Record<string, string>) =>
  `${JSON.stringify(
    {
      name,
      version: '0.1.0',
      private: true,
      type: 'module',
      exports: { '.': './src/index.ts' },
      scripts: { typecheck: 'tsc -p tsconfig.json', test: 'vitest run --passWithNoTests' },
      dependencies: deps,
      ...(devDeps ? { devDependencies: devDeps } : {}),
    },
    null,
    2,
  )}\n`

/** The tsconfig every plugin package has. */
export const PACKAGE_TSCONFIG = `${JSON.stringify({ extends: '../../../tsconfig.base.json', include: ['src', 'test'] }, null, 2)}\n`

/** `@checkpost/{id}-contract`'s manifest. */
export function contractPackageJson(n: PluginNames): string {
  return packageJson(`@checkpost/${n.id}-contract`, { '@checkpost/contract': 'workspace:*', zod: '^4.1.0' })
}

/** `@checkpost/{id}-server`'s manifest. */
export function serverPackageJson(n: PluginNames): string {
  return packageJson(
    `@checkpost/${n.id}-server`,
    {
      '@checkpost/contract': 'workspace:*',
      '@checkpost/server': 'workspace:*',
      '@checkpost/db': 'workspace:*',
      [`@checkpost/${n.id}-contract`]: 'workspace:*',
      '@orpc/server': '1.16.1',
      kysely: '~0.28.8',
    },
    { '@checkpost/auth-applications-server': 'workspace:*', '@checkpost/testing': 'workspace:*' },
  )
}

function schemasTs(n: PluginNames): string {
  const r = n.resource
  return `import { descriptionSchema, idSchema, nameSchema, optionalInput, timestampSchema } from '@checkpost/contract'
import { z } from 'zod'

/** A ${r.label.toLowerCase()} as the API returns it. */
export const ${r.camel}Schema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type ${r.pascal} = z.infer<typeof ${r.camel}Schema>

export const list${r.pluralPascal}Input = optionalInput(z.object({}))
export const ${r.camel}IdInput = z.object({ ${r.camel}Id: idSchema })

export const create${r.pascal}Input = z.object({
  name: nameSchema,
  description: descriptionSchema.optional(),
})

export const update${r.pascal}Input = z.object({
  ${r.camel}Id: idSchema,
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
})

export const deletedSchema = z.object({ success: z.literal(true) })
`
}

function accessTs(n: PluginNames): string {
  const key = n.resource.kebab.includes('-') ? `'${n.resource.kebab}'` : n.resource.kebab
  return `import { defineAccessRules, listAccessRules } from '@checkpost/contract'

/** Access rules of the ${n.id} plugin: \`${n.id}.${n.resource.kebab}.read\` and \`.manage\`. */
export const ${n.camel}Access = defineAccessRules('${n.id}', {
  ${key}: {
    read: 'Read ${n.resource.pluralWords}',
    manage: 'Create, update and delete ${n.resource.pluralWords}',
  },
})

export const ${n.camel}AccessRules = listAccessRules(${n.camel}Access)
`
}

function contractTs(n: PluginNames): string {
  const r = n.resource
  return `import { proc } from '@checkpost/contract'
import { z } from 'zod'
import { ${n.camel}Access as access } from './access.ts'
import {
  create${r.pascal}Input,
  deletedSchema,
  list${r.pluralPascal}Input,
  ${r.camel}IdInput,
  ${r.camel}Schema,
  update${r.pascal}Input,
} from './schemas.ts'

const read = proc.meta({ access: [${accessOf(n)}.read] })
const manage = proc.meta({ access: [${accessOf(n)}.manage] })

/** The resource type teams are granted, e.g. one ${r.label.toLowerCase()}. */
export const ${r.kebab.toUpperCase().replaceAll('-', '_')}_RESOURCE = '${n.id}.${r.kebab}'
// Instance access: the id in the input must be reachable; lists keep only reachable items.
const byId = { instance: [{ resourceType: ${r.kebab.toUpperCase().replaceAll('-', '_')}_RESOURCE, inputIds: ['${r.camel}Id'] }] }
const filtered = { instance: [{ resourceType: ${r.kebab.toUpperCase().replaceAll('-', '_')}_RESOURCE, outputLists: [{ path: '${r.pluralCamel}' }] }] }

/** The ${n.id} contract, mounted at \`/api/${n.id}/\`. */
export const ${n.camel}Contract = {
  get${r.pluralPascal}: read.meta(filtered).input(list${r.pluralPascal}Input).output(z.object({ ${r.pluralCamel}: z.array(${r.camel}Schema) })),
  get${r.pascal}: read.meta(byId).input(${r.camel}IdInput).output(${r.camel}Schema),
  create${r.pascal}: manage.input(create${r.pascal}Input).output(${r.camel}Schema),
  update${r.pascal}: manage.meta(byId).input(update${r.pascal}Input).output(${r.camel}Schema),
  delete${r.pascal}: manage.meta(byId).input(${r.camel}IdInput).output(deletedSchema),
}

export type ${n.pascal}Contract = typeof ${n.camel}Contract
`
}

/** The contract package: schemas → access rules → contract. */
export function contractFiles(n: PluginNames): PluginFile[] {
  const dir = `plugins/${n.id}/contract`
  return [
    { path: `${dir}/package.json`, content: contractPackageJson(n) },
    { path: `${dir}/tsconfig.json`, content: PACKAGE_TSCONFIG },
    { path: `${dir}/src/schemas.ts`, content: schemasTs(n) },
    { path: `${dir}/src/access.ts`, content: accessTs(n) },
    { path: `${dir}/src/contract.ts`, content: contractTs(n) },
    { path: `${dir}/src/index.ts`, content: "export * from './access.ts'\nexport * from './schemas.ts'\nexport * from './contract.ts'\n" },
  ]
}
