import { cursorSchema, idSchema, limitSchema, nameSchema, optionalInput, timestampSchema } from '@checkpost/contract'
import { z } from 'zod'

export const checkKindSchema = z.enum(['http', 'push'])
export const resultStatusSchema = z.enum(['healthy', 'degraded', 'unhealthy'])
export type ResultStatus = z.infer<typeof resultStatusSchema>

const urlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000)
const expectedStatusSchema = z.int().min(100).max(599)
const timeoutSchema = z.int().min(100).max(60_000)

/** What an `http` check probes. */
export const httpSettingsSchema = z.object({
  url: urlSchema,
  expectedStatus: expectedStatusSchema.default(200),
  timeoutMs: timeoutSchema.default(5000),
})

/** A change to an http check's settings: fields left out keep their current values. */
export const httpSettingsPatchSchema = z.object({
  url: urlSchema.optional(),
  expectedStatus: expectedStatusSchema.optional(),
  timeoutMs: timeoutSchema.optional(),
})

const intervalSchema = z.int().min(10).max(86_400)

export const healthCheckSchema = z.object({
  id: idSchema,
  systemId: idSchema,
  name: z.string(),
  kind: checkKindSchema,
  intervalSeconds: z.int(),
  enabled: z.boolean(),
  http: z.object({ url: z.string(), expectedStatus: z.int(), timeoutMs: z.int() }).nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type HealthCheck = z.infer<typeof healthCheckSchema>

export const createHealthCheckInput = z
  .object({
    systemId: idSchema,
    name: nameSchema,
    kind: checkKindSchema,
    intervalSeconds: intervalSchema.default(60),
    enabled: z.boolean().default(true),
    http: httpSettingsSchema.optional(),
  })
  .superRefine((check, ctx) => {
    if (check.kind === 'http' && !check.http) ctx.addIssue({ code: 'custom', path: ['http'], message: 'required for an http check' })
    if (check.kind === 'push' && check.http) ctx.addIssue({ code: 'custom', path: ['http'], message: 'only for http checks' })
  })
export type CreateHealthCheckInput = z.output<typeof createHealthCheckInput>

export const updateHealthCheckInput = z.object({
  healthCheckId: idSchema,
  name: nameSchema.optional(),
  intervalSeconds: intervalSchema.optional(),
  enabled: z.boolean().optional(),
  http: httpSettingsPatchSchema.optional(),
})
export type UpdateHealthCheckInput = z.output<typeof updateHealthCheckInput>

export const healthCheckIdInput = z.object({ healthCheckId: idSchema })
export const getHealthChecksInput = optionalInput(z.object({ systemId: idSchema.optional() }))

export const reportedResultSchema = z.object({
  healthCheckId: idSchema,
  status: resultStatusSchema,
  latencyMs: z.int().min(0).max(3_600_000).optional(),
  message: z.string().max(2000).optional(),
  observedAt: timestampSchema.optional(),
})
export type ReportedResult = z.output<typeof reportedResultSchema>

export const MAX_RESULTS_PER_REPORT = 5000
export const reportResultsInput = z.object({
  results: z.array(reportedResultSchema).min(1).max(MAX_RESULTS_PER_REPORT),
})

export const resultSchema = z.object({
  id: idSchema,
  healthCheckId: idSchema,
  status: resultStatusSchema,
  latencyMs: z.int().nullable(),
  message: z.string().nullable(),
  observedAt: timestampSchema,
})
export type CheckResult = z.infer<typeof resultSchema>

export const getHistoryInput = optionalInput(
  z
    .object({
      healthCheckId: idSchema.optional(),
      systemId: idSchema.optional(),
      from: timestampSchema.optional(),
      to: timestampSchema.optional(),
      limit: limitSchema,
      cursor: cursorSchema.optional(),
    })
    .refine((range) => !range.from || !range.to || Date.parse(range.from) <= Date.parse(range.to), {
      path: ['to'],
      message: 'must not be before from',
    }),
)
export type GetHistoryInput = z.output<typeof getHistoryInput>

const uptimeSchema = z.object({ '24h': z.number().nullable(), '7d': z.number().nullable(), '30d': z.number().nullable() })
export const currentStatusSchema = z.enum(['healthy', 'degraded', 'unhealthy', 'unknown'])

export const statusSchema = z.object({
  checks: z.array(
    z.object({
      healthCheckId: idSchema,
      systemId: idSchema,
      name: z.string(),
      status: currentStatusSchema,
      lastObservedAt: timestampSchema.nullable(),
      uptime: uptimeSchema,
    }),
  ),
  systems: z.array(
    z.object({
      systemId: idSchema,
      status: z.enum(['healthy', 'degraded', 'unhealthy', 'unknown', 'maintenance']),
      underMaintenance: z.boolean(),
    }),
  ),
})
export type HealthStatus = z.infer<typeof statusSchema>
export const getStatusInput = optionalInput(z.object({ systemId: idSchema.optional() }))

export const deletedSchema = z.object({ success: z.literal(true) })
