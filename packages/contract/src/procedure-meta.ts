import { oc } from '@orpc/contract'
import type { AccessRule } from './access-rule.ts'

/**
 * Instance-level access (teams and grants): which resource instances a
 * procedure touches, declared in the contract and enforced by the host.
 * Paths are dotted; `*` walks every element of an array.
 * @example
 * { resourceType: 'catalog.system', inputIds: ['systemId'] }              // a single resource
 * { resourceType: 'catalog.system', inputIds: ['systemIds.*'] }           // every id in an array
 * { resourceType: 'catalog.system', outputLists: [{ path: 'systems' }] }  // filter a list
 * { resourceType: 'healthcheck.check', outputLists: [{ path: 'results', idField: 'healthCheckId' }] }
 */
export interface InstanceAccess {
  /** `{pluginId}.{resource}`, e.g. `catalog.system`. */
  readonly resourceType: string
  /** Input paths holding ids the caller must reach (absent values are skipped). */
  readonly inputIds?: readonly string[]
  /** Output arrays whose items the caller cannot reach are silently removed. */
  readonly outputLists?: readonly { readonly path: string; readonly idField?: string }[]
}

/** Metadata every Checkpost procedure carries. */
export interface ProcedureMeta {
  /** Rules the caller must hold (all of them). */
  readonly access?: readonly AccessRule[]
  /** Explicitly public: no rule needed. A procedure with neither is refused at startup. */
  readonly public?: boolean
  /** Resource-level access, enforced by the host with team grants. */
  readonly instance?: readonly InstanceAccess[]
}

/**
 * The contract builder for Checkpost procedures.
 * @example
 * const getSystems = proc.meta({ access: [access.catalog.read] }).input(...).output(...)
 */
export const proc = oc.$meta<ProcedureMeta>({})
