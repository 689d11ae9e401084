import type { AccessRule } from '@checkpost/contract'
import { NO_AUDIT_SINK, type AuditSink } from './audit-sink.ts'
import { combineAuthenticators } from './authenticator.ts'
import type { PluginDefinition, PluginDeps, ResourceTypeDefinition } from './plugin.ts'
import type { MemberKind, RbacDirectory } from './rbac-directory.ts'

/** Every plugin's access rules, checked for valid and unique plugin ids and rule ids. */
export function gatherAccessRules(plugins: readonly PluginDefinition[]): AccessRule[] {
  const seenPlugins = new Set<string>()
  const rules = new Map<string, AccessRule>()
  for (const plugin of plugins) {
    if (!/^[a-z][a-z0-9-]*$/.test(plugin.id)) throw new Error(`Invalid plugin id "${plugin.id}"`)
    if (seenPlugins.has(plugin.id)) throw new Error(`Plugin "${plugin.id}" is registered twice`)
    seenPlugins.add(plugin.id)
    for (const rule of plugin.accessRules) {
      if (rule.pluginId !== plugin.id) throw new Error(`Plugin "${plugin.id}" declares foreign rule ${rule.id}`)
      if (rules.has(rule.id)) throw new Error(`Access rule ${rule.id} is declared twice`)
      rules.set(rule.id, rule)
    }
  }
  return [...rules.values()]
}

/** Every plugin's resource types, checked for prefixes, duplicates and known parents. */
export function gatherResourceTypes(plugins: readonly PluginDefinition[]): Map<string, ResourceTypeDefinition> {
  const types = new Map<string, ResourceTypeDefinition>()
  for (const plugin of plugins) {
    for (const resource of plugin.resources ?? []) {
      if (!resource.type.startsWith(`${plugin.id}.`)) throw new Error(`Plugin "${plugin.id}" declares foreign resource type ${resource.type}`)
      if (types.has(resource.type)) throw new Error(`Resource type ${resource.type} is declared twice`)
      if (Boolean(resource.parentType) !== Boolean(resource.parentsOf)) {
        throw new Error(`Resource type ${resource.type} needs both parentType and parentsOf, or neither`)
      }
      types.set(resource.type, resource)
    }
  }
  for (const resource of types.values()) {
    if (resource.parentType && !types.has(resource.parentType)) {
      throw new Error(`Resource type ${resource.type} follows ${resource.parentType}, which no plugin declares`)
    }
  }
  return types
}

/** Every plugin's authenticator, asked in plugin order (at least one plugin must provide one). */
export function pickAuthenticator(plugins: readonly PluginDefinition[], deps: PluginDeps) {
  return combineAuthenticators(plugins.flatMap((plugin) => (plugin.authenticator ? [plugin.authenticator(deps)] : [])))
}

/** The audit sink of the plugin that provides one, or a sink that keeps nothing. */
export function pickAuditSink(plugins: readonly PluginDefinition[], deps: PluginDeps): AuditSink {
  const providers = plugins.filter((plugin) => plugin.auditSink)
  if (providers.length > 1) throw new Error(`At most one plugin may provide an audit sink; found ${providers.length}`)
  return providers[0]?.auditSink?.(deps) ?? NO_AUDIT_SINK
}

/** Identity kinds that plugins own, by kind (each kind once). */
export function gatherMemberKinds(plugins: readonly PluginDefinition[]): Map<string, MemberKind> {
  const kinds = new Map<string, MemberKind>()
  for (const plugin of plugins) {
    if (!plugin.memberKind) continue
    if (kinds.has(plugin.memberKind.kind)) throw new Error(`Member kind ${plugin.memberKind.kind} is declared twice`)
    kinds.set(plugin.memberKind.kind, plugin.memberKind)
  }
  return kinds
}

/** The one plugin's roles-and-teams directory, if any plugin lends it. */
export function pickRbacDirectory(plugins: readonly PluginDefinition[], deps: Omit<PluginDeps, 'rbac'>): RbacDirectory | undefined {
  const lenders = plugins.filter((plugin) => plugin.rbac)
  if (lenders.length > 1) throw new Error('Only one plugin may lend roles and teams (rbac)')
  return lenders[0]?.rbac?.(deps)
}
