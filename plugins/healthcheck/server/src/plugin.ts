import { healthcheckAccessRules, healthcheckContract } from '@checkpost/healthcheck-contract'
import { definePlugin } from '@checkpost/server'
import { checkIdsOfSystem, deleteCheckRow, systemsOfChecks } from './check-repository.ts'
import { CHECK_LABEL } from './check-service.ts'
import { ALLOWED_NETWORKS_SETTING, createAddressPolicy } from './address-policy.ts'
import { createCheckScheduler } from './check-scheduler.ts'
import { migrations } from './migrations/index.ts'
import { createResultRetention } from './result-retention.ts'
import { createHealthcheckRouter } from './router.ts'
import { readHealthcheckSettings } from './settings.ts'
import type { HealthcheckTables } from './tables.ts'

/** Health checks on catalog systems: pushed results, scheduled http probes, history and status. */
export const healthcheckPlugin = definePlugin<HealthcheckTables>({
  id: 'healthcheck',
  contract: healthcheckContract,
  accessRules: healthcheckAccessRules,
  migrations,
  router: createHealthcheckRouter,
  // A check's team access comes from its system.
  resources: [{ type: 'healthcheck.check', label: CHECK_LABEL, parentType: 'catalog.system', parentsOf: systemsOfChecks }],
  // A deleted system takes its checks (and their results) with it.
  async onResourceDeleted(db, { resourceType, resourceId }) {
    if (resourceType !== 'catalog.system') return
    for (const id of await checkIdsOfSystem(db, resourceId)) await deleteCheckRow(db, id)
  },
  background: ({ database, clock, logger, settings, metrics }) => {
    const config = readHealthcheckSettings(settings)
    return [
      createCheckScheduler({
        database,
        clock,
        logger,
        tickMs: config.tickMs,
        policy: createAddressPolicy(settings[ALLOWED_NETWORKS_SETTING]),
        limits: { total: config.maxProbes, perTarget: config.maxProbesPerTarget },
        metrics,
      }),
      createResultRetention({ database, clock, logger, days: config.retentionDays, everyMs: config.retentionEveryMs }),
    ]
  },
})
