import { oc } from '@orpc/contract'
import type { AccessRule } from './access-rule.ts'

/**
 * Instance-level access: which resource instance a procedure touches.
 * `idField` names the input field holding the id of a single resource;
 * `listField` names the output array whose items (with `id`) are filtered.
 */
export type InstanceAccess =
  | { readonly resourceType: string; readonly idField: string }
  | { readonly resourceType: string; readonly listField: string }

/** Metadata every Checkpost procedure carries. */
export interface ProcedureMeta {
  /** Rules the caller must hold (all of them). */
  readonly access?: readonly AccessRule[]
  /** Explicitly public: no rule needed. A procedure with neither is refused at startup. */
  readonly public?: boolean
  /** Resource-level access, enforced by the host with team grants. */
  readonly instance?: InstanceAccess
}

/**
 * The contract builder for Checkpost procedures.
 * @example
 * const getSystems = proc.meta({ access: [access.catalog.read] }).input(...).output(...)
 */
export const proc = oc.$meta<ProcedureMeta>({})
