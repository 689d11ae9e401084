import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PluginNames } from './plugin-names.ts'

/** Where the server app lists its plugins. */
export const PLUGIN_LIST = 'apps/server/src/plugins.ts'
const SERVER_MANIFEST = 'apps/server/package.json'

/** Adds the plugin to `plugins` (import + last array entry) in the server app's plugin list. */
export function addToPluginList(source: string, n: PluginNames): string {
  const name = `${n.camel}Plugin`
  const start = source.indexOf('export const plugins')
  const open = source.indexOf('[', source.indexOf('=', start))
  const close = source.indexOf(']', open)
  if (start < 0 || open < 0 || close < 0) throw new Error(`Cannot find "export const plugins … = [ … ]" in ${PLUGIN_LIST}`)
  const entries = source.slice(open + 1, close).replace(/,?\s*$/, '')
  const listed = `${source.slice(0, open + 1)}${entries}, ${name}${entries.includes('\n') ? ',\n' : ''}${source.slice(close)}`
  const imports = [...listed.matchAll(/^import .*$/gm)]
  const last = imports.at(-1)
  const at = last ? last.index! + last[0].length + 1 : 0
  return `${listed.slice(0, at)}import { ${name} } from '@checkpost/${n.id}-server'\n${listed.slice(at)}`
}

/** Adds `@checkpost/{id}-server` to the server app's dependencies. */
export function addServerDependency(manifest: string, n: PluginNames): string {
  const json = JSON.parse(manifest) as { dependencies?: Record<string, string> }
  json.dependencies = { ...json.dependencies, [`@checkpost/${n.id}-server`]: 'workspace:*' }
  return `${JSON.stringify(json, null, 2)}\n`
}

/** Registers the plugin with the server app: its plugin list and its dependencies. */
export function registerPlugin(root: string, n: PluginNames): string[] {
  const list = join(root, PLUGIN_LIST)
  writeFileSync(list, addToPluginList(readFileSync(list, 'utf8'), n))
  const manifest = join(root, SERVER_MANIFEST)
  writeFileSync(manifest, addServerDependency(readFileSync(manifest, 'utf8'), n))
  return [PLUGIN_LIST, SERVER_MANIFEST]
}
