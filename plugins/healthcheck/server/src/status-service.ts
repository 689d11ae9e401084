import type { HealthStatus } from '@checkpost/healthcheck-contract'
import { maintenanceContract } from '@checkpost/maintenance-contract'
import type { PluginContext } from '@checkpost/server'
import { listChecks } from './check-repository.ts'
import { countResultsSince, latestResults } from './result-repository.ts'

type CheckState = HealthStatus['checks'][number]['status']
const SEVERITY: Record<CheckState, number> = { unknown: 0, healthy: 1, degraded: 2, unhealthy: 3 }
const DAY = 86_400_000
const WINDOWS = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY } as const

/** Current state per check and per system (worst of its checks), with uptime over 24 h, 7 d and 30 d. */
export async function computeStatus(context: PluginContext, systemId: string | undefined, now: Date): Promise<HealthStatus> {
  const checks = await listChecks(context.db, systemId)
  const ids = checks.map((c) => c.id)
  const latest = await latestResults(context.db, ids)
  const uptime = await uptimeOf(context, ids, now)
  const checkStates = checks.map((check) => {
    const last = latest.get(check.id)
    return {
      healthCheckId: check.id,
      systemId: check.systemId,
      name: check.name,
      status: (last?.status ?? 'unknown') as CheckState,
      lastObservedAt: last?.observed_at ?? null,
      uptime: uptime.get(check.id)!,
    }
  })
  const underMaintenance = await systemsUnderMaintenance(context)
  const worst = new Map<string, CheckState>()
  for (const check of checkStates) {
    const current = worst.get(check.systemId) ?? 'unknown'
    worst.set(check.systemId, SEVERITY[check.status] > SEVERITY[current] ? check.status : current)
  }
  if (systemId && !worst.has(systemId)) worst.set(systemId, 'unknown')
  const systems = [...worst].map(([id, status]) => ({
    systemId: id,
    status: underMaintenance.has(id) ? ('maintenance' as const) : status,
    underMaintenance: underMaintenance.has(id),
  }))
  return { checks: checkStates, systems }
}

async function uptimeOf(context: PluginContext, ids: readonly string[], now: Date) {
  const result = new Map<string, Record<keyof typeof WINDOWS, number | null>>()
  for (const id of ids) result.set(id, { '24h': null, '7d': null, '30d': null })
  for (const [window, span] of Object.entries(WINDOWS) as [keyof typeof WINDOWS, number][]) {
    const counts = await countResultsSince(context.db, ids, new Date(now.getTime() - span).toISOString())
    for (const [id, { total, up }] of counts) result.get(id)![window] = total === 0 ? null : up / total
  }
  return result
}

/** Systems affected by an in-progress maintenance window; none when that plugin is not mounted. */
async function systemsUnderMaintenance(context: PluginContext): Promise<Set<string>> {
  let maintenance
  try {
    maintenance = context.peer('maintenance', maintenanceContract)
  } catch {
    return new Set()
  }
  const affected = new Set<string>()
  let cursor: string | undefined
  do {
    const page = await maintenance.getWindows({ state: 'in_progress', limit: 500, cursor })
    for (const window of page.windows) for (const id of window.systemIds) affected.add(id)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return affected
}
