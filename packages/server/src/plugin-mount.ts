import { os, type AnyRouter } from '@orpc/server'
import type { HostContext } from './host-context.ts'
import type { createHostMiddleware } from './host-middleware.ts'
import { createJsonBatch, type JsonBatchOptions } from './json-batch.ts'
import { collectProcedures, type KnownNames } from './procedure-table.ts'
import type { InstanceGuard } from './instance-guard.ts'
import type { Database } from '@checkpost/db'
import type { PluginDefinition } from './plugin.ts'

/** A plugin wired into the host: both endpoints, built once. */
export interface PluginMount {
  readonly pluginId: string
  readonly prefix: `/api/${string}`
  /** Both endpoints' engine: the JSON endpoint's batch, and the per-procedure endpoint's one-key batch. */
  readonly jsonBatch: ReturnType<typeof createJsonBatch>
  /** Names of the plugin's procedures. */
  readonly procedureNames: ReadonlySet<string>
  /** The keys of a JSON-endpoint body that name procedures of this plugin (for logs and metrics). */
  knownProcedures(body: unknown): readonly string[] | undefined
}

export interface MountOptions {
  readonly database: Database
  readonly middleware: ReturnType<typeof createHostMiddleware>
  readonly guard: InstanceGuard
  readonly known: KnownNames
  readonly maxBatchKeys: JsonBatchOptions['maxKeys']
}

/** Wraps a plugin's router in the host middleware and builds its batch engine, once. */
export function mountPlugin(plugin: PluginDefinition, pluginRouter: AnyRouter, options: MountOptions): PluginMount {
  const router = os.$context<HostContext>().use(options.middleware).router(pluginRouter as never) as AnyRouter
  const procedures = collectProcedures(plugin, router, options.known)
  const procedureNames: ReadonlySet<string> = new Set(procedures.keys())
  return {
    pluginId: plugin.id,
    prefix: `/api/${plugin.id}`,
    jsonBatch: createJsonBatch({
      pluginId: plugin.id,
      procedures,
      database: options.database,
      maxKeys: options.maxBatchKeys,
      guard: options.guard,
    }),
    procedureNames,
    knownProcedures: (body) => {
      if (typeof body !== 'object' || body === null) return undefined
      const names: string[] = []
      for (const key in body) if (procedureNames.has(key)) names.push(key)
      return names
    },
  }
}
