import type { ProcedureMeta } from '@checkpost/contract'
import { runInTransaction, type Database } from '@checkpost/db'
import { ORPCError, os } from '@orpc/server'
import { findMissingAccess, isWriteProcedure } from './access-check.ts'
import type { Authenticator } from './authenticator.ts'
import type { HostContext } from './host-context.ts'
import type { Identity } from './identity.ts'
import type { PluginServices } from './plugin-services.ts'
import { toORPCError } from './wire-error.ts'

export interface HostMiddlewareOptions {
  readonly database: Database
  readonly authenticator: Authenticator
  readonly services: PluginServices
}

/**
 * The one middleware in front of every procedure: authenticates (unless the
 * JSON endpoint already did), checks the procedure's access rules from its
 * contract metadata, runs writes in a transaction, and maps errors to the wire.
 */
export function createHostMiddleware({ database, authenticator, services }: HostMiddlewareOptions) {
  return os.$context<HostContext>().middleware(async function checkpostAccess({ context, next, procedure }) {
    try {
      const meta = procedure['~orpc'].meta as ProcedureMeta
      const identity = context.identity ?? (await authenticateOrThrow(authenticator, context))
      const missing = findMissingAccess(identity, meta)
      if (missing) throw new ORPCError('FORBIDDEN', { message: `Missing access: ${missing.id}` })
      if (isWriteProcedure(meta) && !context.inTransaction) {
        return await runInTransaction(database, async (trx) =>
          next({ context: { ...services(context, identity, trx), inTransaction: true } }),
        )
      }
      return await next({ context: services(context, identity, context.db) })
    } catch (error) {
      throw toORPCError(error, context.logger)
    }
  })
}

async function authenticateOrThrow(authenticator: Authenticator, context: HostContext): Promise<Identity> {
  const outcome = await authenticator.authenticate(context.authorization)
  if (outcome.ok) return outcome.identity
  if (outcome.code === 'UNAUTHORIZED') context.responseHeaders.set('WWW-Authenticate', 'Bearer')
  if (outcome.retryAfterSeconds !== undefined) {
    context.responseHeaders.set('Retry-After', String(outcome.retryAfterSeconds))
  }
  throw new ORPCError(outcome.code, { message: outcome.message })
}
