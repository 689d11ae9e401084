import {
  ALL_ACCESS,
  DomainError,
  grantsAccess,
  type AccessLevel,
  type AccessRule,
  type InstanceAccess,
  type ProcedureMeta,
} from '@checkpost/contract'
import type { Kysely } from 'kysely'
import { isWriteProcedure } from './write-procedure.ts'
import type { Identity } from './identity.ts'
import type { ResourceTypeDefinition } from './plugin.ts'
import { valuesAt } from './values-at.ts'

/** One call as the guard sees it. */
export interface GuardedCall {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly db: Kysely<any>
  readonly identity: Identity
  readonly meta: ProcedureMeta
}

type Reach = 'ok' | 'read-only' | 'invisible'

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

  function rootReach(call: GuardCall, type: string, id: string): Reach {
    const { identity } = call
    const teamLevel = identity.resourceAccess.teamLevel(type, id, identity.teamIds)
    const open = call.superuser || !identity.resourceAccess.isTeamOnly(type, id)
    const canRead = teamLevel !== undefined || (open && call.globalRead)
    const canManage = teamLevel === 'manage' || (open && call.globalManage)
    if (call.level === 'read') return canRead ? 'ok' : 'invisible'
    return canManage ? 'ok' : canRead ? 'read-only' : 'invisible'
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

  /** Removes list items the caller cannot see. */
  async function filterOutput<T>(base: GuardedCall, output: T): Promise<T> {
    const call = { ...toGuardCall(base), level: 'read' as const }
    for (const access of base.meta.instance ?? []) {
      for (const list of access.outputLists ?? []) {
        const unrestricted = call.superuser || !base.identity.resourceAccess.hasTeamOnly(rootTypeOf(access.resourceType))
        if (call.globalRead && unrestricted) continue
        output = await filterList(call, { access, path: list.path, idField: list.idField ?? 'id' }, output)
      }
    }
    return output
  }

  async function filterList<T>(call: GuardCall, target: ListTarget, output: T): Promise<T> {
    const items = (output as Record<string, unknown>)?.[target.path]
    if (!Array.isArray(items)) return output
    const ids = items.map((item) => String((item as Record<string, unknown>)[target.idField]))
    const reach = await reachOf(call, target.access.resourceType, [...new Set(ids)])
    const kept = items.filter((_, index) => reach.get(ids[index]!) === 'ok')
    return { ...(output as object), [target.path]: kept } as T
  }

  function rootTypeOf(type: string): string {
    const definition = definitionOf(type)
    return definition.parentType ? rootTypeOf(definition.parentType) : type
  }

  return { checkInput, filterOutput }
}

export type InstanceGuard = ReturnType<typeof createInstanceGuard>

interface GuardCall extends GuardedCall {
  readonly level: AccessLevel
  readonly globalRead: boolean
  readonly globalManage: boolean
  /** Holds `*` (the admin role): team-only settings do not lock it out. */
  readonly superuser: boolean
}

interface ListTarget {
  readonly access: InstanceAccess
  readonly path: string
  readonly idField: string
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
