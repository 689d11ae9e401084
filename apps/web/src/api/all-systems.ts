import type { System } from '@checkpost/catalog-contract'
import { api, clients } from './clients.ts'

/** getSystems pages hold at most this many systems. */
const PAGE_LIMIT = 500

/** Every catalog system the signed-in caller may see, by name: getSystems followed page by page to the end. */
export async function fetchAllSystems(): Promise<{ systems: System[] }> {
  const systems: System[] = []
  let cursor: string | undefined
  do {
    const page = await clients.catalog.getSystems({ limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) })
    systems.push(...page.systems)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return { systems }
}

/** TanStack Query options for the whole catalog (under the catalog's key, so invalidating the catalog refreshes it). */
export function allSystemsQueryOptions() {
  return { queryKey: [...api.catalog.getSystems.key(), 'all'], queryFn: fetchAllSystems }
}
