import {
  cursorSchema,
  descriptionSchema,
  idSchema,
  jsonObjectSchema,
  MAX_PAGE_LIMIT,
  nameSchema,
  optionalInput,
  pageLimitSchema,
  timestampSchema,
} from '@checkpost/contract'
import { z } from 'zod'

/** Free-form JSON object attached to a system: up to 16 KiB of UTF-8, nested up to 32 levels, safe text only. */
export const metadataSchema = jsonObjectSchema({ maxBytes: 16 * 1024, maxDepth: 32 })

export const systemSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  // Any JSON object (the input side checks size, depth and text). A loose object,
  // not z.record: half the output check of a 20-system page; its JSON Schema is an
  // object with any properties (no `propertyNames`, which said the same for JSON).
  metadata: z.looseObject({}),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type System = z.infer<typeof systemSchema>

export const groupSchema = z.object({
  id: idSchema,
  name: z.string(),
  systemIds: z.array(idSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Group = z.infer<typeof groupSchema>

/**
 * getSystems paging, by name then id. `limit`: 1..500 systems per page,
 * default 500, so `{}` (or `null`, or nothing) still lists a whole catalog of
 * up to 500 systems in one answer; a larger catalog answers its first 500 and a
 * `nextCursor` to pass back as `cursor`. A cursor it did not issue is 400.
 */
export const getSystemsInput = optionalInput(
  z.object({
    limit: pageLimitSchema(MAX_PAGE_LIMIT),
    cursor: cursorSchema.optional(),
  }),
)
export type GetSystemsInput = z.output<typeof getSystemsInput>

/** A page of systems by name, and the cursor of the next page (null on the last). */
export const systemListSchema = z.object({
  systems: z.array(systemSchema),
  nextCursor: z.string().nullable(),
})
export type SystemList = z.infer<typeof systemListSchema>
export const systemIdInput = z.object({ systemId: idSchema })
export const groupIdInput = z.object({ groupId: idSchema })
export const groupMembershipInput = z.object({ groupId: idSchema, systemId: idSchema })

export const createSystemInput = z.object({
  name: nameSchema,
  description: descriptionSchema.optional(),
  metadata: metadataSchema.optional(),
})

export const updateSystemInput = z.object({
  systemId: idSchema,
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  metadata: metadataSchema.optional(),
})

export const createGroupInput = z.object({
  name: nameSchema,
  systemIds: z.array(idSchema).max(1000).optional(),
})

export const updateGroupInput = z.object({
  groupId: idSchema,
  name: nameSchema.optional(),
})

export const deletedSchema = z.object({ success: z.literal(true) })
