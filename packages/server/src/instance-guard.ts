import {
  ALL_ACCESS,
  DomainError,
  grantsAccess,
  type AccessLevel,
  type AccessRule,
  type ProcedureMeta,
} from '@checkpost/contract'
import type { Kysely } from 'kysely'
import { isWriteProcedure } from './write-procedure.ts'
import type { Identity } from './identity.ts'
import type { ResourceTypeDefinition } from './plugin.ts'
import { rootReach, type Reach, type ReachBasis } from './root-reach.ts'
import { valuesAt } from './values-at.ts'

/** One call as the guard sees it. */
export interface GuardedCall {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly db: Kysely<any>
  readonly identity: Identity
  readonly meta: ProcedureMeta
}

/**
 * Resource-level access from contract metadata (DESIGN: teams). Access to an
 * instance = holds the procedure's global rule (unless the instance is
 * team-only) OR a team of the caller was granted that level or higher. The
 * admin wildcard `*` is never locked out, so no instance becomes unmanageable. Child
 * types (a health check) follow their parents (systems): read needs one
 * reachable parent, manage needs all. Instances the caller cannot see answer
 * 404 — indistinguishable from absent ones, so ids cannot be probed; ones it
 * can see but not change answer 403.
 */
export function createInstanceGuard(resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>) {
  function definitionOf(type: string): ResourceTypeDefinition {
    const definition = resourceTypes.get(type)
    if (!definition) throw new Error(`Unknown resource type ${type}`)
    return definition
  }

  async function reachOf(call: GuardCall, type: string, ids: readonly string[]): Promise<Map<string, Reach>> {
    const definition = definitionOf(type)
    const result = new Map<string, Reach>()
    if (!definition.parentType || !definition.parentsOf) {
      for (const id of ids) result.set(id, rootReach(call, type, id))
      return result
    }
    const parents = await definition.parentsOf(call.db, ids)
    const parentIds = [...new Set([...parents.values()].flat())]
    const parentReach = await reachOf(call, definition.parentType, parentIds)
    const orphan: Reach = call.globalRead ? (call.level === 'read' || call.globalManage ? 'ok' : 'read-only') : 'invisible'
    for (const id of ids) {
      const reaches = (parents.get(id) ?? []).map((parent) => parentReach.get(parent)!)
      result.set(id, reaches.length === 0 ? orphan : combine(reaches, call.level))
    }
    return result
  }

  /**
   * Throws 404/403 for an input id out of reach, or 403 when nothing but a
   * global rule could allow the call. A list filtered by an id the caller cannot
   * see is not refused: it lists nothing of it (its items are filtered out), the
   * same answer an absent id gets.
   */
  async function checkInput(base: GuardedCall, input: unknown): Promise<void> {
    const call = toGuardCall(base)
    const filtersOutput = base.meta.instance?.some((access) => (access.outputLists?.length ?? 0) > 0) ?? false
    let checked = 0
    for (const access of base.meta.instance ?? []) {
      const ids = [...new Set((access.inputIds ?? []).flatMap((path) => valuesAt(input, path)))]
      checked += ids.length
      if (ids.length === 0 || (filtersOutput && call.level === 'read')) continue
      for (const [id, reach] of await reachOf(call, access.resourceType, ids)) {
        // The very answer an absent id gets from the router: hidden and absent look alike.
        if (reach === 'invisible') throw new DomainError('NOT_FOUND', `${definitionOf(access.resourceType).label} not found`)
        if (reach === 'read-only') throw new DomainError('FORBIDDEN', `Missing manage access to ${access.resourceType} ${id}`)
      }
    }
    // A caller let in through its teams (no global rule) must have been checked against some instance.
    const holdsRule = call.level === 'read' ? call.globalRead : call.globalManage
    if (!holdsRule && checked === 0 && !filtersOutput) {
      const missing = base.meta.access?.find((rule) => !grantsAccess(base.identity.rules, rule))
      throw new DomainError('FORBIDDEN', `Missing access: ${missing?.id ?? 'unknown'}`)
    }
  }

  /**
   * The ids among `ids` of `type` the caller may read under this procedure's
   * rules, or `undefined` when it sees every instance of the type (a global
   * reader and nothing of the type team-only), so callers can skip the lookups.
   */
  async function visibleIds(base: GuardedCall, type: string, ids: readonly string[]): Promise<Set<string> | undefined> {
    if (seesAll(base, type)) return undefined
    const call = { ...toGuardCall(base), level: 'read' as const }
    const reach = await reachOf(call, type, [...new Set(ids)])
    return new Set([...reach].filter(([, value]) => value === 'ok').map(([id]) => id))
  }

  /** True when the caller reads every instance of `type`: a global reader, and nothing of the type team-only (or `*`). */
  function seesAll(base: GuardedCall, type: string): boolean {
    const call = toGuardCall(base)
    return call.globalRead && (call.superuser || !base.identity.resourceAccess.hasTeamOnly(rootTypeOf(type)))
  }

  function rootTypeOf(type: string): string {
    const definition = definitionOf(type)
    return definition.parentType ? rootTypeOf(definition.parentType) : type
  }

  return { checkInput, visibleIds, seesAll }
}

export type InstanceGuard = ReturnType<typeof createInstanceGuard>

interface GuardCall extends GuardedCall, ReachBasis {
  readonly identity: Identity
}

// What a procedure's rules mean for instance checks, derived once per procedure.
const rulesByMeta = new WeakMap<ProcedureMeta, { level: AccessLevel; read: AccessRule[]; manage: readonly AccessRule[] }>()

function rulesOf(meta: ProcedureMeta) {
  let derived = rulesByMeta.get(meta)
  if (!derived) {
    const rules = meta.access ?? []
    derived = {
      level: isWriteProcedure(meta) ? 'manage' : 'read',
      read: rules.map((rule) => ({ ...rule, level: 'read' as const })),
      manage: rules,
    }
    rulesByMeta.set(meta, derived)
  }
  return derived
}

function toGuardCall(call: GuardedCall): GuardCall {
  const { level, read, manage } = rulesOf(call.meta)
  const granted = call.identity.rules
  return {
    ...call,
    level,
    globalRead: read.every((rule) => grantsAccess(granted, rule)),
    globalManage: manage.every((rule) => grantsAccess(granted, rule)),
    superuser: granted.has(ALL_ACCESS),
  }
}

function combine(reaches: readonly Reach[], level: AccessLevel): Reach {
  if (level === 'read') return reaches.includes('ok') ? 'ok' : 'invisible'
  if (reaches.every((reach) => reach === 'ok')) return 'ok'
  return reaches.some((reach) => reach !== 'invisible') ? 'read-only' : 'invisible'
}
