import { cursorSchema, idSchema, limitSchema, nameSchema, optionalInput, textSchema, timestampSchema } from '@checkpost/contract'
import { z } from 'zod'

/** `http` checks are probed by the server; `push` checks only receive reported results. */
export const checkKindSchema = z.enum(['http', 'push'])
/** The status of one result. */
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

/** A check as the API returns it. */
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

/** createHealthCheck input: `http` required for http checks, refused for push checks. */
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

/** updateHealthCheck input: the fields to change. */
export const updateHealthCheckInput = z.object({
  healthCheckId: idSchema,
  name: nameSchema.optional(),
  intervalSeconds: intervalSchema.optional(),
  enabled: z.boolean().optional(),
  http: httpSettingsPatchSchema.optional(),
})
export type UpdateHealthCheckInput = z.output<typeof updateHealthCheckInput>

/** Input naming one check. */
export const healthCheckIdInput = z.object({ healthCheckId: idSchema })
/** getHealthChecks input: optionally one system's checks. */
export const getHealthChecksInput = optionalInput(z.object({ systemId: idSchema.optional() }))

/** One result as a monitor reports it. */
export const reportedResultSchema = z.object({
  healthCheckId: idSchema,
  status: resultStatusSchema,
  latencyMs: z.int().min(0).max(3_600_000).optional(),
  message: textSchema({ maxBytes: 2000 }).optional(),
  observedAt: timestampSchema.optional(),
})
export type ReportedResult = z.output<typeof reportedResultSchema>

/** Most results one reportResults call takes. */
export const MAX_RESULTS_PER_REPORT = 5000
/** reportResults input: a batch stored all or nothing. */
export const reportResultsInput = z.object({
  results: z.array(reportedResultSchema).min(1).max(MAX_RESULTS_PER_REPORT),
})

/** A stored result as the API returns it. */
export const resultSchema = z.object({
  id: idSchema,
  healthCheckId: idSchema,
  status: resultStatusSchema,
  latencyMs: z.int().nullable(),
  message: z.string().nullable(),
  observedAt: timestampSchema,
})
export type CheckResult = z.infer<typeof resultSchema>

/** getHistory input: filters, time range (`from` inclusive, `to` exclusive) and paging. */
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
/** A check's current state: its latest result's status, or unknown. */
export const currentStatusSchema = z.enum(['healthy', 'degraded', 'unhealthy', 'unknown'])

/** getStatus output: per check and per system. */
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
/** getStatus input: optionally one system. */
export const getStatusInput = optionalInput(z.object({ systemId: idSchema.optional() }))

/** What a delete returns. */
export const deletedSchema = z.object({ success: z.literal(true) })
