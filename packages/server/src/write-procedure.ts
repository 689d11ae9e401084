import type { ProcedureMeta } from '@checkpost/contract'

/** True when the procedure changes data (any manage-level rule), so it runs in a transaction. */
export function isWriteProcedure(meta: ProcedureMeta): boolean {
  return meta.access?.some((rule) => rule.level === 'manage') ?? false
}
