import type { AccessRule, ProcedureMeta } from '@checkpost/contract'
import { isWriteProcedure } from './write-procedure.ts'
import type { PluginDefinition, ResourceTypeDefinition } from './plugin.ts'

/** The global rules that open every instance of a root type, per level. */
export interface InstanceRules {
  readonly read: readonly AccessRule[]
  readonly manage: readonly AccessRule[]
}

/**
 * For each root resource type, every rule of every procedure (of any plugin)
 * that declares instance access on it or on a child type. A team grant opens
 * all of those procedures on the instance, so holding all of them is what
 * "reaching the instance" through global rules means (DESIGN: escalation rule 4).
 */
export function collectInstanceRules(
  plugins: readonly PluginDefinition[],
  resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>,
): Map<string, InstanceRules> {
  const byType = new Map<string, { read: Map<string, AccessRule>; manage: Map<string, AccessRule> }>()
  for (const plugin of plugins) {
    for (const procedure of Object.values(plugin.contract)) {
      const meta = (procedure as { '~orpc'?: { meta?: ProcedureMeta } })['~orpc']?.meta
      if (!meta?.instance || !meta.access) continue
      const level = isWriteProcedure(meta) ? 'manage' : 'read'
      for (const access of meta.instance) {
        const root = rootTypeOf(resourceTypes, access.resourceType)
        const entry = byType.get(root) ?? { read: new Map(), manage: new Map() }
        for (const rule of meta.access) entry[level].set(rule.id, rule)
        byType.set(root, entry)
      }
    }
  }
  return new Map([...byType].map(([type, { read, manage }]) => [type, { read: [...read.values()], manage: [...manage.values()] }]))
}

/** The root of a resource type's parent chain (a health check's is `catalog.system`). */
export function rootTypeOf(resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>, type: string): string {
  const parent = resourceTypes.get(type)?.parentType
  return parent ? rootTypeOf(resourceTypes, parent) : type
}
