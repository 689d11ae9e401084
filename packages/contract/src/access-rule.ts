/** Access levels; `manage` implies `read`. */
export type AccessLevel = 'read' | 'manage'

/** One access rule, id `{pluginId}.{resource}.{level}`. */
export interface AccessRule {
  readonly id: string
  readonly pluginId: string
  readonly resource: string
  readonly level: AccessLevel
  readonly description: string
}

type ResourceLevels = Partial<Record<AccessLevel, string>>

type AccessRulesOf<R extends Record<string, ResourceLevels>> = {
  readonly [Res in keyof R]: { readonly [L in keyof R[Res] & AccessLevel]: AccessRule }
}

const RULE_PART = /^[a-z][a-z0-9-]*$/

/**
 * Declares a plugin's access rules once, keyed by resource then level.
 * @example
 * const access = defineAccessRules('catalog', { catalog: { read: 'Read systems', manage: 'Edit systems' } })
 * access.catalog.read.id // 'catalog.catalog.read'
 */
export function defineAccessRules<const R extends Record<string, ResourceLevels>>(
  pluginId: string,
  resources: R,
): AccessRulesOf<R> {
  if (!RULE_PART.test(pluginId)) throw new Error(`Invalid plugin id "${pluginId}"`)
  const out: Record<string, Record<string, AccessRule>> = {}
  for (const [resource, levels] of Object.entries(resources)) {
    if (!RULE_PART.test(resource)) throw new Error(`Invalid resource name "${resource}"`)
    out[resource] = {}
    for (const [level, description] of Object.entries(levels)) {
      if (level !== 'read' && level !== 'manage') throw new Error(`Invalid access level "${level}"`)
      out[resource][level] = Object.freeze({
        id: `${pluginId}.${resource}.${level}`,
        pluginId,
        resource,
        level,
        description: description ?? '',
      })
    }
  }
  return out as AccessRulesOf<R>
}

/** Flattens the object returned by `defineAccessRules` into a list. */
export function listAccessRules(rules: Record<string, Record<string, AccessRule>>): AccessRule[] {
  return Object.values(rules).flatMap((levels) => Object.values(levels))
}

/** The wildcard rule held by the built-in `admin` role. */
export const ALL_ACCESS = '*'

/**
 * True when a set of granted rule ids satisfies `rule`: the rule itself, the
 * wildcard, or — for a read rule — the matching manage rule.
 */
export function grantsAccess(granted: ReadonlySet<string>, rule: AccessRule): boolean {
  if (granted.has(ALL_ACCESS) || granted.has(rule.id)) return true
  return rule.level === 'read' && granted.has(`${rule.pluginId}.${rule.resource}.manage`)
}
