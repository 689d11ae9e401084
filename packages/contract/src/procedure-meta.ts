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
 * { resourceType: 'healthcheck.check', outputLists: [{ path: 'results', idField: 'healthCheckId', paged: true }] }
 * { resourceType: 'catalog.system', outputIds: ['groups.*.systemIds'] }  // prune ids inside items
 */
export interface InstanceAccess {
  /** `{pluginId}.{resource}`, e.g. `catalog.system`. */
  readonly resourceType: string
  /** Input paths holding ids the caller must reach (absent values are skipped). */
  readonly inputIds?: readonly string[]
  /**
   * Output arrays whose items the caller cannot reach are silently removed. A
   * `paged` list (input `limit` and `cursor`, output `nextCursor`) is filtered
   * before paging: a page holds up to `limit` visible items and its cursor
   * comes from the last of them. On a read procedure with `outputLists`, an
   * `inputIds` filter naming an instance the caller cannot see lists nothing.
   */
  readonly outputLists?: readonly OutputList[]
  /** Output paths of id arrays (`*` walks arrays) from which ids the caller cannot see are removed. */
  readonly outputIds?: readonly string[]
}

/** A listed array in a procedure's output, filtered by instance access. */
export interface OutputList {
  readonly path: string
  /** The item field holding the instance id (default `id`). */
  readonly idField?: string
  /** Keyset-paged by `limit`/`cursor` in, `nextCursor` out. */
  readonly paged?: boolean
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
