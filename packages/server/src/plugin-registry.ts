import type { AccessRule } from '@checkpost/contract'
import { combineAuthenticators } from './authenticator.ts'
import type { PluginDefinition, PluginDeps, ResourceTypeDefinition } from './plugin.ts'

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
