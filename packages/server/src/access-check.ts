import { DomainError, grantsAccess, type AccessRule, type ProcedureMeta } from '@checkpost/contract'
import type { Identity } from './identity.ts'
import type { GuardedCall, InstanceGuard } from './instance-guard.ts'

/** The first rule of a procedure the identity lacks, or undefined when it may call it. */
export function findMissingAccess(identity: Identity, meta: ProcedureMeta): AccessRule | undefined {
  if (meta.public) return undefined
  return meta.access?.find((rule) => !grantsAccess(identity.rules, rule))
}

/**
 * Everything decided before a procedure runs: its rules, or — for procedures
 * declaring instance access — the caller's teams, then every input id's reach.
 * Throws a DomainError (403/404) when the call may not proceed.
 */
export async function authorizeCall(guard: InstanceGuard, call: GuardedCall, input: unknown): Promise<void> {
  const missing = findMissingAccess(call.identity, call.meta)
  const mayUseTeams = call.meta.instance !== undefined && call.identity.teamIds.size > 0
  if (missing && !mayUseTeams) throw new DomainError('FORBIDDEN', `Missing access: ${missing.id}`)
  if (call.meta.instance) await guard.checkInput(call, input)
}
