import type { HealthStatus } from '@checkpost/healthcheck-contract'
import { catalogContract } from '@checkpost/catalog-contract'
import { maintenanceContract } from '@checkpost/maintenance-contract'
import { ORPCError } from '@orpc/server'
import type { PluginContext } from '@checkpost/server'
import { listChecks } from './check-repository.ts'
import { latestResults } from './result-repository.ts'
import { countUptime } from './uptime-repository.ts'

type CheckState = HealthStatus['checks'][number]['status']
const SEVERITY: Record<CheckState, number> = { unknown: 0, healthy: 1, degraded: 2, unhealthy: 3 }
const DAY = 86_400_000
const WINDOWS = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY } as const

/** Current state per check and per system (worst of its checks), with uptime over 24 h, 7 d and 30 d. */
export async function computeStatus(context: PluginContext, systemId: string | undefined, now: Date): Promise<HealthStatus> {
  const checks = await listChecks(context.db, systemId)
  const latest = await latestResults(context.db, systemId)
  const uptime = await uptimeOf(context, systemId, now)
  const checkStates = checks.map((check) => {
    const last = latest.get(check.id)
    return {
      healthCheckId: check.id,
      systemId: check.systemId,
      name: check.name,
      status: (last?.status ?? 'unknown') as CheckState,
      lastObservedAt: last?.observed_at ?? null,
      uptime: uptime.get(check.id) ?? NO_UPTIME,
    }
  })
  const worst = new Map<string, CheckState>()
  for (const check of checkStates) {
    const current = worst.get(check.systemId) ?? 'unknown'
    worst.set(check.systemId, SEVERITY[check.status] > SEVERITY[current] ? check.status : current)
  }
  // A system asked for by id is listed even without checks, but only if it exists: an absent
  // one must look like one the caller cannot see (filtered out of `systems` by the host).
  if (systemId && !worst.has(systemId) && (await systemExists(context, systemId))) worst.set(systemId, 'unknown')
  const underMaintenance = await systemsUnderMaintenance(context, [...worst.keys()])
  const systems = [...worst].map(([id, status]) => ({
    systemId: id,
    status: underMaintenance.has(id) ? ('maintenance' as const) : status,
    underMaintenance: underMaintenance.has(id),
  }))
  return { checks: checkStates, systems }
}

const NO_UPTIME = { '24h': null, '7d': null, '30d': null }

/** Healthy-or-degraded share of each check's results per window; checks without results are left out. */
async function uptimeOf(context: PluginContext, systemId: string | undefined, now: Date) {
  const windows = Object.keys(WINDOWS) as (keyof typeof WINDOWS)[]
  const since = windows.map((window) => new Date(now.getTime() - WINDOWS[window]).toISOString())
  const counts = await countUptime(context.db, since, systemId)
  const result = new Map<string, Record<keyof typeof WINDOWS, number | null>>()
  for (const [id, perWindow] of counts) {
    const entries = windows.map((window, i) => [window, perWindow[i]!.total === 0 ? null : perWindow[i]!.up / perWindow[i]!.total])
    result.set(id, Object.fromEntries(entries) as Record<keyof typeof WINDOWS, number | null>)
  }
  return result
}

/** Most system ids one getWindows filter takes (and most windows one page holds). */
const SYSTEMS_PER_QUERY = 500

/**
 * Which of `systemIds` an in-progress maintenance window affects; none when
 * that plugin is not mounted. Reads only as many windows as there are
 * systems left to judge: each query asks for windows on the systems not yet
 * known to be affected, with that many as its limit, so every window read
 * settles at least one system. The cost follows the systems, not the windows.
 */
async function systemsUnderMaintenance(context: PluginContext, systemIds: readonly string[]): Promise<Set<string>> {
  let maintenance
  try {
    maintenance = context.peer('maintenance', maintenanceContract)
  } catch {
    return new Set()
  }
  const affected = new Set<string>()
  for (let i = 0; i < systemIds.length; i += SYSTEMS_PER_QUERY) {
    let open = systemIds.slice(i, i + SYSTEMS_PER_QUERY)
    while (open.length > 0) {
      const page = await maintenance.getWindows({ state: 'in_progress', systemIds: open, limit: open.length })
      const wanted = new Set(open)
      for (const window of page.windows) for (const id of window.systemIds) if (wanted.has(id)) affected.add(id)
      // No next page: every in-progress window on the open systems was read.
      if (page.nextCursor === null) break
      open = open.filter((id) => !affected.has(id))
    }
  }
  return affected
}

async function systemExists(context: PluginContext, systemId: string): Promise<boolean> {
  try {
    await context.peer('catalog', catalogContract).getSystem({ systemId })
    return true
  } catch (error) {
    if (error instanceof ORPCError && error.code === 'NOT_FOUND') return false
    throw error
  }
}
