/** Every spelling of a plugin and its resource that the generated files use. */
export interface PluginNames {
  /** kebab-case plugin id, e.g. `release-notes`. */
  readonly id: string
  readonly camel: string
  readonly pascal: string
  /** Table prefix, e.g. `release_notes`. */
  readonly snake: string
  readonly resource: ResourceNames
}

/** Spellings of the plugin's resource, e.g. `note`. */
export interface ResourceNames {
  readonly kebab: string
  readonly camel: string
  readonly pascal: string
  readonly pluralKebab: string
  readonly pluralCamel: string
  readonly pluralPascal: string
  /** The plugin's table, e.g. `release_notes_notes`. */
  readonly table: string
  /** For messages: `Note`, `notes`. */
  readonly label: string
  readonly pluralWords: string
}

/** A plugin id or resource name: kebab-case, starting with a letter. */
export const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** Ids the host already uses under `/api/`. */
const RESERVED_IDS = new Set(['docs', 'health', 'openapi'])

/** A one-line reason an id cannot be used, or undefined when it can. */
export function invalidIdReason(id: string): string | undefined {
  if (!KEBAB_CASE.test(id)) return `"${id}" is not kebab-case (lower-case letters and digits, words joined by "-", e.g. release-notes)`
  if (id.length > 40) return `"${id}" is longer than 40 characters`
  if (RESERVED_IDS.has(id)) return `"${id}" is a path the host serves itself`
  return undefined
}

const words = (kebab: string) => kebab.split('-')
const upper = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
const toCamel = (kebab: string) => words(kebab).map((w, i) => (i === 0 ? w : upper(w))).join('')
const toPascal = (kebab: string) => words(kebab).map(upper).join('')

/** English plural of the last word (`entry` → `entries`, `box` → `boxes`). */
export function pluralize(kebab: string): string {
  if (/[^aeiou]y$/.test(kebab)) return `${kebab.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(kebab)) return `${kebab}es`
  return `${kebab}s`
}

/** The default resource of a plugin: its id without a plural `s` (`notes` → `note`). */
export function defaultResource(id: string): string {
  return id.length > 3 && id.endsWith('s') && !id.endsWith('ss') ? id.slice(0, -1) : id
}

/** Derives every spelling from a valid plugin id and resource name. */
export function toPluginNames(id: string, resource: string): PluginNames {
  const plural = pluralize(resource)
  const snake = id.replaceAll('-', '_')
  return {
    id,
    camel: toCamel(id),
    pascal: toPascal(id),
    snake,
    resource: {
      kebab: resource,
      camel: toCamel(resource),
      pascal: toPascal(resource),
      pluralKebab: plural,
      pluralCamel: toCamel(plural),
      pluralPascal: toPascal(plural),
      table: `${snake}_${plural.replaceAll('-', '_')}`,
      label: upper(words(resource).join(' ')),
      pluralWords: words(plural).join(' '),
    },
  }
}
