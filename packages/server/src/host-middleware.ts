import type { ProcedureMeta } from '@checkpost/contract'
import { runInTransaction, type Database } from '@checkpost/db'
import { os } from '@orpc/server'
import { isWriteProcedure } from './access-check.ts'
import type { HostContext } from './host-context.ts'
import type { InstanceGuard } from './instance-guard.ts'
import type { PluginServices } from './plugin-services.ts'
import { toORPCError } from './wire-error.ts'

export interface HostMiddlewareOptions {
  readonly database: Database
  readonly services: PluginServices
  readonly guard: InstanceGuard
}

/**
 * The middleware around every procedure the endpoints call (after the JSON
 * batch authenticated the caller and authorized every key): runs writes in a
 * transaction, filters listed resources the caller cannot see, and maps
 * errors to the wire.
 */
export function createHostMiddleware({ database, services, guard }: HostMiddlewareOptions) {
  return os.$context<HostContext>().middleware(async function checkpostAccess({ context, next, procedure }) {
    try {
      const meta = procedure['~orpc'].meta as ProcedureMeta
      const { identity } = context
      const result =
        isWriteProcedure(meta) && !context.inTransaction
          ? await runInTransaction(database, async (trx) =>
              next({ context: { ...services(context, identity, trx), inTransaction: true } }),
            )
          : await next({ context: services(context, identity, context.db) })
      if (!meta.instance) return result
      return { ...result, output: await guard.filterOutput({ db: context.db, identity, meta }, result.output) }
    } catch (error) {
      throw toORPCError(error, context.logger)
    }
  })
}
