import type { ProcedureMeta } from '@checkpost/contract'
import { runInTransaction, type Database } from '@checkpost/db'
import { call, os, type AnyProcedure } from '@orpc/server'
import { isWriteProcedure } from './write-procedure.ts'
import type { HostContext } from './host-context.ts'
import type { InstanceGuard } from './instance-guard.ts'
import { createOutputFilter } from './output-filter.ts'
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
  const { filterOutput } = createOutputFilter(guard)
  return os.$context<HostContext>().middleware(async function checkpostAccess({ context, next, procedure }, input) {
    try {
      const meta = procedure['~orpc'].meta as ProcedureMeta
      const { identity } = context
      const result =
        isWriteProcedure(meta) && !context.inTransaction
          ? await runInTransaction(database, async (trx) =>
              next({ context: { ...services(context, identity, trx), inTransaction: true } }),
            )
          : await next({ context: services(context, identity, context.db) })
      if (!meta.instance || context.rawOutput) return result
      // Re-reads (to fill a filtered page) run the same procedure, unfiltered.
      const request = {
        input: await parsedInput(procedure, input),
        refetch: (changed: unknown) => call(procedure, changed, { context: { ...context, rawOutput: true } }),
      }
      return { ...result, output: await filterOutput({ db: context.db, identity, meta }, result.output, request) }
    } catch (error) {
      throw toORPCError(error, context.logger)
    }
  })
}

/** The input as the handler saw it (defaults applied): the paging filter reads `limit` and `cursor` from it. */
async function parsedInput(procedure: AnyProcedure, input: unknown): Promise<unknown> {
  const schema = procedure['~orpc'].inputSchema
  if (!schema) return input
  const result = await schema['~standard'].validate(input)
  return result.issues ? input : result.value
}
