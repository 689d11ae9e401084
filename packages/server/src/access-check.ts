import { grantsAccess, type AccessRule, type ProcedureMeta } from '@checkpost/contract'
import type { Identity } from './identity.ts'

/** The first rule of a procedure the identity lacks, or undefined when it may call it. */
export function findMissingAccess(identity: Identity, meta: ProcedureMeta): AccessRule | undefined {
  if (meta.public) return undefined
  return meta.access?.find((rule) => !grantsAccess(identity.rules, rule))
}

/** True when the procedure changes data (any manage-level rule), so it runs in a transaction. */
export function isWriteProcedure(meta: ProcedureMeta): boolean {
  return meta.access?.some((rule) => rule.level === 'manage') ?? false
}
