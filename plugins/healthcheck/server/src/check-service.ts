import { randomUUID } from 'node:crypto'
import { catalogContract } from '@checkpost/catalog-contract'
import { DomainError } from '@checkpost/contract'
import { toDbBool } from '@checkpost/db'
import type {
  CreateHealthCheckInput,
  HealthCheck,
  ReportedResult,
  UpdateHealthCheckInput,
} from '@checkpost/healthcheck-contract'
import type { PluginContext } from '@checkpost/server'
import { existingCheckIds, findCheck, insertCheck, updateCheckRow } from './check-repository.ts'
import { insertResults } from './result-repository.ts'

/** How a check is named in 404 messages ("Health check not found"). */
export const CHECK_LABEL = 'Health check'

/** Creates a check on an existing catalog system (its 404 otherwise). */
export async function createCheck(context: PluginContext, input: CreateHealthCheckInput, now: string): Promise<HealthCheck> {
  await context.peer('catalog', catalogContract).getSystem({ systemId: input.systemId })
  const id = randomUUID()
  await insertCheck(context.db, {
    id,
    system_id: input.systemId,
    name: input.name,
    kind: input.kind,
    interval_seconds: input.intervalSeconds,
    enabled: toDbBool(input.enabled),
    http_url: input.http?.url ?? null,
    http_expected_status: input.http?.expectedStatus ?? null,
    http_timeout_ms: input.http?.timeoutMs ?? null,
    created_at: now,
    updated_at: now,
    next_run_at: now,
    lease_owner: null,
    lease_expires_at: null,
  })
  return (await findCheck(context.db, id))!
}

/** Changes a check; http settings only for http checks. Undefined if unknown. */
export async function updateCheck(context: PluginContext, input: UpdateHealthCheckInput, now: string) {
  const check = await findCheck(context.db, input.healthCheckId)
  if (!check) return undefined
  if (input.http && !check.http) throw new DomainError('BAD_REQUEST', 'http settings apply to http checks only')
  await updateCheckRow(context.db, check.id, {
    name: input.name,
    interval_seconds: input.intervalSeconds,
    enabled: input.enabled === undefined ? undefined : toDbBool(input.enabled),
    // Each http field left out keeps its value (undefined leaves the column alone).
    http_url: input.http?.url,
    http_expected_status: input.http?.expectedStatus,
    http_timeout_ms: input.http?.timeoutMs,
    // A changed schedule takes effect at once rather than after the old interval.
    next_run_at: input.intervalSeconds !== undefined || input.enabled ? now : undefined,
    updated_at: now,
  })
  return findCheck(context.db, check.id)
}

/** How far ahead of the server's clock a reported observedAt may be (monitors' clocks drift). */
const FUTURE_TOLERANCE_MS = 5 * 60_000

/** Stores a whole batch of results, or none: every check must exist, no result may come from the future. */
export async function reportResults(context: PluginContext, results: readonly ReportedResult[], now: string) {
  const latest = Date.parse(now) + FUTURE_TOLERANCE_MS
  const ahead = results.findIndex((r) => r.observedAt !== undefined && Date.parse(r.observedAt) > latest)
  // A future result would stay the "latest" state of its check until that time comes.
  if (ahead >= 0) throw new DomainError('BAD_REQUEST', `results.${ahead}.observedAt is more than 5 minutes in the future`)
  const ids = [...new Set(results.map((r) => r.healthCheckId))]
  const existing = await existingCheckIds(context.db, ids)
  if (ids.some((id) => !existing.has(id))) throw new DomainError('NOT_FOUND', `${CHECK_LABEL} not found`)
  await insertResults(
    context.db,
    results.map((r) => ({
      checkId: r.healthCheckId,
      status: r.status,
      latencyMs: r.latencyMs ?? null,
      message: r.message ?? null,
      observedAt: r.observedAt ?? now,
    })),
  )
  return { stored: results.length }
}
