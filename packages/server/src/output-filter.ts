import type { InstanceAccess, OutputList } from '@checkpost/contract'
import type { GuardedCall, InstanceGuard } from './instance-guard.ts'
import { mapAt } from './map-at.ts'
import { valuesAt } from './values-at.ts'
import { collectVisiblePage, type RawPage } from './visible-page.ts'

/** The call whose output is filtered: its parsed input, and a way to run it again unfiltered. */
export interface OutputRequest {
  readonly input: unknown
  /** Runs the same procedure with another input and returns its unfiltered output. */
  readonly refetch: (input: unknown) => Promise<unknown>
}

type Output = Record<string, unknown>

/**
 * What a response may name (DESIGN: a response never names an instance the
 * caller cannot see), from the contract's instance metadata: a list filter on
 * a hidden id lists nothing; listed items the caller cannot see are removed,
 * paged lists before paging; hidden ids inside returned items are left out.
 */
export function createOutputFilter(guard: InstanceGuard) {
  async function filterOutput(call: GuardedCall, output: unknown, request: OutputRequest): Promise<unknown> {
    const accesses = call.meta.instance ?? []
    if (typeof output !== 'object' || output === null) return output
    if (await filtersOnHiddenId(call, request.input)) return emptied(output as Output, accesses)
    let result = output as Output
    for (const access of accesses) {
      for (const list of access.outputLists ?? []) result = await filterList(call, { access, list, request }, result)
    }
    for (const access of accesses) {
      for (const path of access.outputIds ?? []) result = await pruneIds(call, { type: access.resourceType, path }, result)
    }
    return result
  }

  /** A read list whose `inputIds` filter names an instance the caller cannot see (checkInput let it through). */
  async function filtersOnHiddenId(call: GuardedCall, input: unknown): Promise<boolean> {
    const accesses = call.meta.instance ?? []
    if (!accesses.some((access) => (access.outputLists?.length ?? 0) > 0)) return false
    for (const access of accesses) {
      const ids = (access.inputIds ?? []).flatMap((path) => valuesAt(input, path))
      if (ids.length === 0) continue
      const visible = await guard.visibleIds(call, access.resourceType, ids)
      if (visible && ids.some((id) => !visible.has(id))) return true
    }
    return false
  }

  async function keepFlags(call: GuardedCall, target: ListTarget, items: readonly unknown[]): Promise<boolean[]> {
    const idField = target.list.idField ?? 'id'
    const ids = items.map((item) => String((item as Output)[idField]))
    const visible = await guard.visibleIds(call, target.access.resourceType, ids)
    return ids.map((id) => visible === undefined || visible.has(id))
  }

  async function filterList(call: GuardedCall, target: ListTarget, output: Output): Promise<Output> {
    const items = output[target.list.path]
    if (!Array.isArray(items) || guard.seesAll(call, target.access.resourceType)) return output
    if (!target.list.paged) {
      const flags = await keepFlags(call, target, items)
      return { ...output, [target.list.path]: items.filter((_, index) => flags[index]) }
    }
    const input = (target.request.input ?? {}) as { limit?: number; cursor?: string }
    const page = await collectVisiblePage({
      first: { items, nextCursor: (output.nextCursor as string | null | undefined) ?? null },
      limit: input.limit ?? items.length,
      cursor: input.cursor,
      fetch: async (cursor, limit) => toPage(await target.request.refetch({ ...input, cursor, limit }), target.list.path),
      keep: (batch) => keepFlags(call, target, batch),
    })
    return { ...output, [target.list.path]: page.items, nextCursor: page.nextCursor }
  }

  async function pruneIds(call: GuardedCall, target: { type: string; path: string }, output: Output): Promise<Output> {
    const ids = valuesAt(output, `${target.path}.*`)
    if (ids.length === 0) return output
    const visible = await guard.visibleIds(call, target.type, ids)
    if (!visible) return output
    const prune = (found: unknown) => (Array.isArray(found) ? found.filter((id) => visible.has(String(id))) : found)
    return mapAt(output, target.path, prune) as Output
  }

  return { filterOutput }
}

export type OutputFilter = ReturnType<typeof createOutputFilter>

interface ListTarget {
  readonly access: InstanceAccess
  readonly list: OutputList
  readonly request: OutputRequest
}

function toPage(output: unknown, path: string): RawPage {
  const record = output as Output
  return { items: (record[path] as unknown[]) ?? [], nextCursor: (record.nextCursor as string | null) ?? null }
}

function emptied(output: Output, accesses: readonly InstanceAccess[]): Output {
  const result: Output = { ...output }
  for (const access of accesses) for (const list of access.outputLists ?? []) result[list.path] = []
  if ('nextCursor' in result) result.nextCursor = null
  return result
}
