import type { ProcedureMeta } from '@checkpost/contract'
import { runInTransaction, type Database } from '@checkpost/db'
import { ORPCError, os } from '@orpc/server'
import { authorizeCall, isWriteProcedure } from './access-check.ts'
import { authFailureReason } from './auth-failure-reason.ts'
import type { CombinedAuthenticator } from './authenticator.ts'
import type { HostContext } from './host-context.ts'
import type { Identity } from './identity.ts'
import type { InstanceGuard } from './instance-guard.ts'
import type { PluginServices } from './plugin-services.ts'
import { toORPCError } from './wire-error.ts'

export interface HostMiddlewareOptions {
  readonly database: Database
  readonly authenticator: CombinedAuthenticator
  readonly services: PluginServices
  readonly guard: InstanceGuard
}

/**
 * The one middleware in front of every procedure: authenticates (unless the
 * JSON endpoint already did), authorizes from the contract metadata (rules,
 * then resource instances), runs writes in a transaction, filters listed
 * resources the caller cannot see, and maps errors to the wire.
 */
export function createHostMiddleware({ database, authenticator, services, guard }: HostMiddlewareOptions) {
  return os.$context<HostContext>().middleware(async function checkpostAccess({ context, next, procedure }, input) {
    try {
      const meta = procedure['~orpc'].meta as ProcedureMeta
      const identity = context.identity ?? (await authenticateOrThrow(authenticator, context))
      if (!context.preauthorized) await authorizeCall(guard, { db: context.db, identity, meta }, input)
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

async function authenticateOrThrow(authenticator: CombinedAuthenticator, context: HostContext): Promise<Identity> {
  if (!context.authRequest) throw new Error('The host passed neither an identity nor a credential')
  const outcome = await authenticator.authenticate(context.authRequest)
  for (const [name, value] of Object.entries(outcome.headers ?? {})) context.responseHeaders.set(name, value)
  if (outcome.ok) {
    if (context.record) context.record.identity = { kind: outcome.identity.kind, id: outcome.identity.id }
    return outcome.identity
  }
  if (context.record) context.record.authFailure = authFailureReason(context.authRequest, outcome)
  if (outcome.code === 'UNAUTHORIZED') context.responseHeaders.set('WWW-Authenticate', 'Bearer')
  if (outcome.retryAfterSeconds !== undefined) {
    context.responseHeaders.set('Retry-After', String(outcome.retryAfterSeconds))
  }
  throw new ORPCError(outcome.code, { message: outcome.message })
}
