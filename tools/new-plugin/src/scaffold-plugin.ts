import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { contractFiles } from './contract-files.ts'
import { defaultResource, invalidIdReason, KEBAB_CASE, toPluginNames } from './plugin-names.ts'
import { registerPlugin } from './register-plugin.ts'
import { serverFiles } from './server-files.ts'
import { testFiles } from './test-files.ts'

/** What to scaffold, and where the repository is. */
export interface ScaffoldRequest {
  readonly root: string
  readonly id: string
  /** kebab-case resource name; default: the id without a plural `s`. */
  readonly resource?: string
}

/** Thrown for a request that cannot be scaffolded; its message is for the user. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError'
}

/** Ids of the plugins already in the repository (folder names and declared ids). */
export function existingPluginIds(root: string): Set<string> {
  const dir = join(root, 'plugins')
  const ids = new Set<string>()
  for (const folder of existsSync(dir) ? readdirSync(dir) : []) {
    ids.add(folder)
    const plugin = join(dir, folder, 'server', 'src', 'plugin.ts')
    const declared = existsSync(plugin) ? /\bid: '([^']+)'/.exec(readFileSync(plugin, 'utf8'))?.[1] : undefined
    if (declared) ids.add(declared)
  }
  return ids
}

/**
 * Writes a working CRUD plugin at `plugins/{id}/{contract,server}` and registers
 * it with the server app. Refuses ids that are not kebab-case or that clash.
 * Returns the paths written or changed, relative to the root.
 */
export function scaffoldPlugin(request: ScaffoldRequest): string[] {
  const reason = invalidIdReason(request.id)
  if (reason) throw new ScaffoldError(`Plugin id ${reason}`)
  if (existingPluginIds(request.root).has(request.id)) throw new ScaffoldError(`A plugin "${request.id}" already exists in plugins/`)
  const resource = request.resource ?? defaultResource(request.id)
  if (!KEBAB_CASE.test(resource)) throw new ScaffoldError(`Resource "${resource}" is not kebab-case (e.g. note, status-page)`)
  const names = toPluginNames(request.id, resource)
  const files = [...contractFiles(names), ...serverFiles(names), ...testFiles(names)]
  for (const file of files) {
    const path = join(request.root, file.path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, file.content, { flag: 'wx' })
  }
  return [...files.map((file) => file.path), ...registerPlugin(request.root, names)]
}
