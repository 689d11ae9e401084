import { isDomainError } from '@checkpost/contract'
import { runInTransaction, type Database } from '@checkpost/db'
import { call } from '@orpc/server'
import { authorizeInstances, authorizeRules } from './access-check.ts'
import type { HostContext } from './host-context.ts'
import type { Identity } from './identity.ts'
import type { InstanceGuard } from './instance-guard.ts'
import type { ProcedureEntry } from './procedure-table.ts'
import { validateInput } from './validate-input.ts'
import { toWireError, WireError, wireError } from './wire-error.ts'

export interface JsonBatchOptions {
  readonly pluginId: string
  readonly procedures: ReadonlyMap<string, ProcedureEntry>
  readonly database: Database
  readonly maxKeys: number
  readonly guard: InstanceGuard
}

interface PreparedCall {
  readonly entry: ProcedureEntry
  /** The input as its schema parsed it (defaults applied). */
  readonly input: unknown
}

/**
 * The JSON endpoint's batch semantics: every key is checked (exists, valid
 * input, access) before any runs; then all run in key order, in one
 * transaction when the batch writes or has several keys. Any failure is the
 * whole response and leaves nothing written.
 */
export function createJsonBatch({ pluginId, procedures, database, maxKeys, guard }: JsonBatchOptions) {
  async function prepare(body: unknown, identity: Identity): Promise<PreparedCall[]> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw wireError('BAD_REQUEST', 'Body must be a JSON object whose keys are procedure names')
    }
    const keys = Object.keys(body)
    if (keys.length === 0) throw wireError('BAD_REQUEST', 'Body names no procedure')
    if (keys.length > maxKeys) {
      throw wireError('PAYLOAD_TOO_LARGE', `Batch has ${keys.length} keys; the limit is ${maxKeys}`)
    }
    // DESIGN order: every key's procedure and rule, then every input, then every instance.
    const raws = keys.map((key) => {
      const entry = procedures.get(key)
      if (!entry) throw wireError('NOT_FOUND', `Unknown procedure "${key}" in plugin "${pluginId}"`, { procedure: key })
      guarded(key, () => authorizeRules(identity, entry.meta))
      const raw = (body as Record<string, unknown>)[key]
      return { entry, input: raw === null ? undefined : raw }
    })
    const calls: PreparedCall[] = []
    for (const { entry, input } of raws) calls.push({ entry, input: await validateInput(entry.procedure, input, entry.name) })
    for (const { entry, input } of calls) {
      await authorizeInstances(guard, { db: database.db, identity, meta: entry.meta }, input).catch((error: unknown) => {
        throw withProcedure(error, entry.name)
      })
    }
    return calls
  }

  async function run(calls: PreparedCall[], context: HostContext): Promise<Record<string, unknown>> {
    const results: Record<string, unknown> = {}
    for (const { entry, input } of calls) {
      try {
        // Parsed once above: the clone without an input schema keeps oRPC from parsing it again.
        results[entry.name] = await call(entry.parsedInputProcedure, input, { context })
      } catch (error) {
        throw withProcedure(toWireError(error, context.logger), entry.name)
      }
    }
    return results
  }

  return async function jsonBatch(body: unknown, context: HostContext) {
    const calls = await prepare(body, context.identity)
    const needsTransaction = calls.length > 1 || calls.some((c) => c.entry.writes)
    if (!needsTransaction) return run(calls, context)
    return runInTransaction(database, (trx) => run(calls, { ...context, db: trx, inTransaction: true }))
  }
}

function withProcedure(error: unknown, procedure: string): WireError {
  // Headers (e.g. Retry-After) stay with the error.
  if (error instanceof WireError) return new WireError({ ...error.body, procedure }, { ...error.headers })
  if (isDomainError(error)) return wireError(error.code, error.message, { procedure, ...(error.issues ? { issues: error.issues } : {}) })
  throw error
}

function guarded(procedure: string, check: () => void): void {
  try {
    check()
  } catch (error) {
    throw withProcedure(error, procedure)
  }
}
