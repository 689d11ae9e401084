import { DomainError, grantsAccess, type AccessRule, type ProcedureMeta } from '@checkpost/contract'
import type { Identity } from './identity.ts'
import type { GuardedCall, InstanceGuard } from './instance-guard.ts'

/** The first rule of a procedure the identity lacks, or undefined when it may call it. */
export function findMissingAccess(identity: Identity, meta: ProcedureMeta): AccessRule | undefined {
  if (meta.public) return undefined
  return meta.access?.find((rule) => !grantsAccess(identity.rules, rule))
}

/**
 * First of the checks before a procedure runs (DESIGN: order of checks): the
 * caller holds the procedure's rules — or, for a procedure declaring instance
 * access, may reach instances through its teams. Throws 403 otherwise, whatever the input.
 */
export function authorizeRules(identity: Identity, meta: ProcedureMeta): void {
  const missing = findMissingAccess(identity, meta)
  const mayUseTeams = meta.instance !== undefined && identity.teamIds.size > 0
  if (missing && !mayUseTeams) throw new DomainError('FORBIDDEN', `Missing access: ${missing.id}`)
}

/** Last of the checks, on validated input: every input id's reach (404 hidden, 403 read-only). */
export async function authorizeInstances(guard: InstanceGuard, call: GuardedCall, input: unknown): Promise<void> {
  if (call.meta.instance) await guard.checkInput(call, input)
}
