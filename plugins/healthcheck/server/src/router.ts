import { healthcheckContract } from '@checkpost/healthcheck-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { ALLOWED_NETWORKS_SETTING, assertTargetAllowed, createAddressPolicy } from './address-policy.ts'
import { deleteCheckRow, findCheck, listChecks } from './check-repository.ts'
import { CHECK_LABEL, createCheck, reportResults, updateCheck } from './check-service.ts'
import { listHistory } from './result-repository.ts'
import { computeStatus } from './status-service.ts'
import type { HealthcheckTables } from './tables.ts'

/** Implements the healthcheck contract. */
export function createHealthcheckRouter({ clock, settings }: Pick<PluginDeps, 'clock' | 'settings'>) {
  const os = implementPlugin<HealthcheckTables>()(healthcheckContract)
  // Read once at startup: a malformed network list stops the host here.
  const policy = createAddressPolicy(settings[ALLOWED_NETWORKS_SETTING])
  const now = () => clock.now().toISOString()

  return os.router({
    // Filters by an absent id list nothing, exactly as the host answers for an id the caller cannot see.
    getHealthChecks: os.getHealthChecks.handler(async ({ context, input }) => ({
      healthChecks: await listChecks(context.db, input.systemId),
    })),
    getHealthCheck: os.getHealthCheck.handler(async ({ context, input }) =>
      orNotFound(await findCheck(context.db, input.healthCheckId), CHECK_LABEL),
    ),
    createHealthCheck: os.createHealthCheck.handler(({ context, input }) => {
      if (input.http) assertTargetAllowed(input.http.url, policy)
      return createCheck(context, input, now())
    }),
    updateHealthCheck: os.updateHealthCheck.handler(async ({ context, input }) => {
      if (input.http?.url) assertTargetAllowed(input.http.url, policy)
      return orNotFound(await updateCheck(context, input, now()), CHECK_LABEL)
    }),
    deleteHealthCheck: os.deleteHealthCheck.handler(async ({ context, input }) => {
      orNotFound(await deleteCheckRow(context.db, input.healthCheckId), CHECK_LABEL)
      await context.resourceDeleted('healthcheck.check', input.healthCheckId)
      return { success: true as const }
    }),
    reportResults: os.reportResults.handler(({ context, input }) => reportResults(context, input.results, now())),
    getHistory: os.getHistory.handler(({ context, input }) => listHistory(context.db, input)),
    getStatus: os.getStatus.handler(({ context, input }) => computeStatus(context, input.systemId, clock.now())),
  })
}
