import type { ProcedureMeta } from '@checkpost/contract'
import { isContractProcedure } from '@orpc/contract'
import { isProcedure, type AnyProcedure, type AnyRouter } from '@orpc/server'
import { withoutInputSchema } from './without-input-schema.ts'
import { isWriteProcedure } from './write-procedure.ts'
import type { PluginDefinition, ResourceTypeDefinition } from './plugin.ts'

/** What the host knows, to check metadata against at startup. */
export interface KnownNames {
  readonly ruleIds: ReadonlySet<string>
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>
}

/** A procedure as the JSON endpoint needs it, resolved once at startup. */
export interface ProcedureEntry {
  readonly name: string
  readonly meta: ProcedureMeta
  /** The procedure as mounted (host middleware, input schema and all). */
  readonly procedure: AnyProcedure
  /** The same without its input schema: called with an input already parsed by `procedure`'s schema, so it is not parsed twice. */
  readonly parsedInputProcedure: AnyProcedure
  readonly writes: boolean
}

/**
 * Checks a plugin's contract against its router and metadata rules and returns
 * its procedures by name. Throws at startup for a procedure with no access rule
 * (and not marked public), a rule the plugin does not know, or a missing implementation.
 */
export function collectProcedures(
  plugin: PluginDefinition,
  router: AnyRouter,
  known: KnownNames,
): Map<string, ProcedureEntry> {
  const entries = new Map<string, ProcedureEntry>()
  for (const [name, contract] of Object.entries(plugin.contract)) {
    const where = `${plugin.id}.${name}`
    if (!isContractProcedure(contract)) throw new Error(`${where}: nested routers are not supported`)
    const meta = contract['~orpc'].meta as ProcedureMeta
    if (!meta.public && (meta.access?.length ?? 0) === 0) {
      throw new Error(`${where} declares no access rule; add one or mark it public`)
    }
    for (const rule of meta.access ?? []) {
      if (!known.ruleIds.has(rule.id)) throw new Error(`${where} needs unknown access rule ${rule.id}`)
    }
    for (const access of meta.instance ?? []) {
      if (!known.resourceTypes.has(access.resourceType)) {
        throw new Error(`${where} declares instance access on ${access.resourceType}, which no mounted plugin declares`)
      }
    }
    const procedure = (router as Record<string, unknown>)[name]
    if (!isProcedure(procedure)) throw new Error(`${where} is in the contract but not implemented`)
    entries.set(name, { name, meta, procedure, parsedInputProcedure: withoutInputSchema(procedure), writes: isWriteProcedure(meta) })
  }
  return entries
}
