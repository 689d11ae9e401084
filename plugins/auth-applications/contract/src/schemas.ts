import { descriptionSchema, idSchema, nameSchema, timestampSchema, tokenSchema } from '@checkpost/contract'
import { z } from 'zod'

/** Role ids: the built-ins `admin` and `applications`, or a UUID. */
export const roleIdSchema = tokenSchema(100)

export const BUILT_IN_ROLE_IDS = { admin: 'admin', applications: 'applications' } as const

/** Requests per window for one application: 1–1,000,000 requests per 1 s–1 day. */
export const rateLimitSchema = z.object({
  requests: z.int().min(1).max(1_000_000),
  windowSeconds: z.int().min(1).max(86_400),
})
export type RateLimit = z.infer<typeof rateLimitSchema>

const addressOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
  error: 'must be an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.0/24)',
})

/** Source addresses an application's key may be used from: 1–100 addresses or CIDR ranges. */
export const allowedIpsSchema = z.array(addressOrRange).min(1).max(100)

/** Seconds the previous secret keeps working after a regenerate: 0 (default) to 7 days. */
export const previousSecretValidForSecondsSchema = z.int().min(0).max(604_800)

export const applicationSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  roles: z.array(roleIdSchema),
  teams: z.array(idSchema),
  createdAt: timestampSchema,
  createdBy: z.string().nullable(),
  lastUsedAt: timestampSchema.nullable(),
  /** The source address of the use recorded in lastUsedAt. */
  lastUsedIp: z.string().nullable(),
  expiresAt: timestampSchema.nullable(),
  /** Until when the secret before the last regenerate still works (null: it does not). */
  previousSecretExpiresAt: timestampSchema.nullable(),
  rateLimit: rateLimitSchema.nullable(),
  allowedIps: z.array(z.string()).nullable(),
})
export type Application = z.infer<typeof applicationSchema>

/** Returned once, by create and regenerate: the application plus its full key. */
export const applicationWithSecretSchema = applicationSchema.extend({
  secret: z.string().startsWith('ck_'),
})
export type ApplicationWithSecret = z.infer<typeof applicationWithSecretSchema>

export const accessRuleSchema = z.object({
  id: z.string(),
  pluginId: z.string(),
  resource: z.string(),
  level: z.enum(['read', 'manage']),
  description: z.string(),
})

export const roleSchema = z.object({
  id: roleIdSchema,
  name: z.string(),
  description: z.string().nullable(),
  accessRules: z.array(z.string()),
  builtIn: z.boolean(),
})
export type Role = z.infer<typeof roleSchema>

const ruleIdListSchema = z.array(tokenSchema(200)).max(500)

export const applicationIdInput = z.object({ applicationId: idSchema })
export const roleIdInput = z.object({ roleId: roleIdSchema })

/** Key settings shared by create and update; null clears one (never expires, no limit, any address). */
const keySettings = {
  expiresAt: timestampSchema.nullable().optional(),
  rateLimit: rateLimitSchema.nullable().optional(),
  allowedIps: allowedIpsSchema.nullable().optional(),
}

export const createApplicationInput = z.object({
  name: nameSchema,
  description: descriptionSchema.optional(),
  ...keySettings,
})

export const updateApplicationInput = z.object({
  applicationId: idSchema,
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  ...keySettings,
})

export const regenerateApplicationSecretInput = z.object({
  applicationId: idSchema,
  previousSecretValidForSeconds: previousSecretValidForSecondsSchema.optional(),
})

export const setApplicationRolesInput = z.object({
  applicationId: idSchema,
  roleIds: z.array(roleIdSchema).max(100),
})

export const createRoleInput = z.object({
  name: nameSchema,
  description: descriptionSchema.optional(),
  accessRules: ruleIdListSchema,
})

export const updateRoleInput = z.object({
  roleId: roleIdSchema,
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  accessRules: ruleIdListSchema.optional(),
})

export const deletedSchema = z.object({ success: z.literal(true) })
