import { OpenAPIHandler } from '@orpc/openapi/fetch'
import { os, type AnyRouter } from '@orpc/server'
import type { HostContext } from './host-context.ts'
import type { createHostMiddleware } from './host-middleware.ts'
import { createJsonBatch, type JsonBatchOptions } from './json-batch.ts'
import { collectProcedures, type KnownNames } from './procedure-table.ts'
import type { InstanceGuard } from './instance-guard.ts'
import type { Database } from '@checkpost/db'
import type { PluginDefinition } from './plugin.ts'
import { wasLogged } from './wire-error.ts'

/** A plugin wired into the host: both endpoints, built once. */
export interface PluginMount {
  readonly pluginId: string
  readonly prefix: `/api/${string}`
  readonly jsonBatch: ReturnType<typeof createJsonBatch>
  readonly handler: OpenAPIHandler<HostContext>
}

export interface MountOptions {
  readonly database: Database
  readonly middleware: ReturnType<typeof createHostMiddleware>
  readonly guard: InstanceGuard
  readonly known: KnownNames
  readonly maxBatchKeys: JsonBatchOptions['maxKeys']
}

/** Wraps a plugin's router in the host middleware and makes both endpoints' handlers. */
export function mountPlugin(plugin: PluginDefinition, pluginRouter: AnyRouter, options: MountOptions): PluginMount {
  const router = os.$context<HostContext>().use(options.middleware).router(pluginRouter as never) as AnyRouter
  const procedures = collectProcedures(plugin, router, options.known)
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
    // Errors oRPC turns into responses itself (e.g. encoding an output) are logged here, with the request id.
    handler: new OpenAPIHandler<HostContext>(router, { interceptors: [logUnexpected] }),
  }
}

async function logUnexpected<T>({ context, next }: { context: HostContext; next: () => Promise<T> }): Promise<T> {
  try {
    return await next()
  } catch (error) {
    const status = (error as { status?: unknown }).status
    const serverSide = typeof status !== 'number' || status >= 500
    if (serverSide && !wasLogged(error)) context.logger.error('procedure endpoint failed', { error })
    throw error
  }
}
