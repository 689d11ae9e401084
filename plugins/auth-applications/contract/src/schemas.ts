import { descriptionSchema, idSchema, nameSchema, optionalInput, timestampSchema, tokenSchema } from '@checkpost/contract'
import { z } from 'zod'

/** Role ids: the built-ins `admin` and `applications`, or a UUID. */
export const roleIdSchema = tokenSchema(100)

export const BUILT_IN_ROLE_IDS = { admin: 'admin', applications: 'applications' } as const

export const applicationSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  roles: z.array(roleIdSchema),
  teams: z.array(idSchema),
  createdAt: timestampSchema,
  createdBy: z.string().nullable(),
  lastUsedAt: timestampSchema.nullable(),
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
export const emptyListInput = optionalInput(z.object({}))

export const createApplicationInput = z.object({
  name: nameSchema,
  description: descriptionSchema.optional(),
})

export const updateApplicationInput = z.object({
  applicationId: idSchema,
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
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
