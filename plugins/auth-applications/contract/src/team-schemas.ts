import { descriptionSchema, idSchema, nameSchema, optionalInput, timestampSchema } from '@checkpost/contract'
import { z } from 'zod'

/** A team member: an application (users join the same way later). */
export const teamMemberSchema = z.object({
  kind: z.enum(['application', 'user']),
  id: z.string(),
})

export const teamSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  members: z.array(teamMemberSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Team = z.infer<typeof teamSchema>

/** `{pluginId}.{resource}`, e.g. `catalog.system`. */
export const resourceTypeSchema = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'must look like plugin.resource')
// Every grantable resource (a catalog system) has a UUID id.
const resourceIdSchema = idSchema

export const resourceTeamAccessSchema = z.object({
  resourceType: z.string(),
  resourceId: z.string(),
  teamId: idSchema,
  teamName: z.string(),
  canRead: z.boolean(),
  canManage: z.boolean(),
})

export const resourceAccessSettingsSchema = z.object({
  resourceType: z.string(),
  resourceId: z.string(),
  teamOnly: z.boolean(),
})

export const teamIdInput = z.object({ teamId: idSchema })
export const getTeamsInput = optionalInput(z.object({ applicationId: idSchema.optional() }))
export const createTeamInput = z.object({ name: nameSchema, description: descriptionSchema.optional() })
export const updateTeamInput = z.object({
  teamId: idSchema,
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
})
/** A member is named by `applicationId` or `userId`: exactly one of them. */
export const teamMemberInput = z
  .object({ teamId: idSchema, applicationId: idSchema.optional(), userId: idSchema.optional() })
  .refine((input) => (input.applicationId === undefined) !== (input.userId === undefined), {
    message: 'give exactly one of applicationId and userId',
  })
export const resourceRefInput = z.object({ resourceType: resourceTypeSchema, resourceId: resourceIdSchema })
export const resourceTeamRefInput = resourceRefInput.extend({ teamId: idSchema.optional() })
export const setResourceTeamAccessInput = resourceRefInput.extend({
  teamId: idSchema,
  canRead: z.boolean().optional(),
  canManage: z.boolean().optional(),
})
export const setResourceAccessSettingsInput = resourceRefInput.extend({ teamOnly: z.boolean() })
