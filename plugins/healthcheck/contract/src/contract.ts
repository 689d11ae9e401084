import { proc } from '@checkpost/contract'
import { z } from 'zod'
import { healthcheckAccess as access } from './access.ts'
import {
  createHealthCheckInput,
  deletedSchema,
  getHealthChecksInput,
  getHistoryInput,
  getStatusInput,
  healthCheckIdInput,
  healthCheckSchema,
  reportResultsInput,
  resultSchema,
  statusSchema,
  updateHealthCheckInput,
} from './schemas.ts'

const read = proc.meta({ access: [access.healthcheck.read] })
const manage = proc.meta({ access: [access.healthcheck.manage] })

/** Instance access (team grants): a check follows the catalog system it belongs to. */
const CHECK = 'healthcheck.check'
const SYSTEM = 'catalog.system'
const byCheckId = { resourceType: CHECK, inputIds: ['healthCheckId'] }
const bySystemId = { resourceType: SYSTEM, inputIds: ['systemId'] }

/** The healthcheck contract, mounted at `/api/healthcheck/`. */
export const healthcheckContract = {
  getHealthChecks: read
    .meta({ instance: [{ resourceType: CHECK, outputLists: [{ path: 'healthChecks' }] }, bySystemId] })
    .input(getHealthChecksInput)
    .output(z.object({ healthChecks: z.array(healthCheckSchema) })),
  getHealthCheck: read.meta({ instance: [byCheckId] }).input(healthCheckIdInput).output(healthCheckSchema),
  createHealthCheck: manage.meta({ instance: [bySystemId] }).input(createHealthCheckInput).output(healthCheckSchema),
  updateHealthCheck: manage.meta({ instance: [byCheckId] }).input(updateHealthCheckInput).output(healthCheckSchema),
  deleteHealthCheck: manage.meta({ instance: [byCheckId] }).input(healthCheckIdInput).output(deletedSchema),
  reportResults: proc
    .meta({ access: [access.results.manage], instance: [{ resourceType: CHECK, inputIds: ['results.*.healthCheckId'] }] })
    .input(reportResultsInput)
    .output(z.object({ stored: z.int() })),
  getHistory: read
    .meta({
      instance: [{ resourceType: CHECK, outputLists: [{ path: 'results', idField: 'healthCheckId', paged: true }] }, byCheckId, bySystemId],
    })
    .input(getHistoryInput)
    .output(z.object({ results: z.array(resultSchema), nextCursor: z.string().nullable() })),
  getStatus: read
    .meta({
      instance: [
        { resourceType: CHECK, outputLists: [{ path: 'checks', idField: 'healthCheckId' }] },
        { resourceType: SYSTEM, outputLists: [{ path: 'systems', idField: 'systemId' }], inputIds: ['systemId'] },
      ],
    })
    .input(getStatusInput)
    .output(statusSchema),
}

/** The type of the healthcheck contract. */
export type HealthcheckContract = typeof healthcheckContract
