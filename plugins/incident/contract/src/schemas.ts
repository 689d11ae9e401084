import {
  cursorSchema,
  descriptionSchema,
  idSchema,
  limitSchema,
  nameSchema,
  optionalInput,
  textSchema,
  timestampSchema,
} from '@checkpost/contract'
import { z } from 'zod'

/** How bad an incident is. */
export const impactSchema = z.enum(['minor', 'major', 'critical'])
export type Impact = z.infer<typeof impactSchema>

/** Where an incident is in its lifecycle. */
export const incidentStatusSchema = z.enum(['investigating', 'identified', 'monitoring', 'resolved'])
export type IncidentStatus = z.infer<typeof incidentStatusSchema>

/** The statuses of an incident that is still open (every status but `resolved`). */
export const openStatusSchema = z.enum(['investigating', 'identified', 'monitoring'])
export type OpenStatus = z.infer<typeof openStatusSchema>

/** A timeline message: safe text, NFC-normalised and trimmed, 1..5,000 UTF-8 bytes. */
export const messageSchema = textSchema({ maxBytes: 5000, nonEmpty: true })

/** Who wrote a timeline entry; always recorded by the server from the caller's identity. */
export const authorSchema = z.object({
  kind: z.enum(['application', 'user']),
  id: z.string(),
  name: z.string(),
})
export type Author = z.infer<typeof authorSchema>

/** One timeline entry: the status it set, its message, author and time. */
export const incidentUpdateSchema = z.object({
  id: idSchema,
  status: incidentStatusSchema,
  message: z.string(),
  author: authorSchema,
  createdAt: timestampSchema,
})
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>

/** An incident; `updates` (oldest first) is present on single-incident answers only. */
export const incidentSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string().nullable(),
  impact: impactSchema,
  systemIds: z.array(idSchema),
  status: incidentStatusSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  resolvedAt: timestampSchema.nullable(),
  updates: z.array(incidentUpdateSchema).optional(),
})
export type Incident = z.infer<typeof incidentSchema>

/** getIncidents filters and paging; `{}`, `null` or nothing lists everything, newest first. */
export const getIncidentsInput = optionalInput(
  z.object({
    status: incidentStatusSchema.optional(),
    systemId: idSchema.optional(),
    /** true: not resolved; false: resolved. */
    open: z.boolean().optional(),
    limit: limitSchema,
    cursor: cursorSchema.optional(),
  }),
)
export type GetIncidentsInput = z.output<typeof getIncidentsInput>

/** A page of incidents (without timelines) and the cursor of the next page. */
export const incidentListSchema = z.object({
  incidents: z.array(incidentSchema),
  nextCursor: z.string().nullable(),
})

/** An incident id input. */
export const incidentIdInput = z.object({ incidentId: idSchema })

// No `author` field anywhere: zod strips unknown keys, so a sent author is ignored.
/** createIncident: an incident is never created resolved. */
export const createIncidentInput = z.object({
  title: nameSchema,
  description: descriptionSchema.optional(),
  impact: impactSchema,
  systemIds: z.array(idSchema).max(100),
  status: openStatusSchema.optional(),
  message: messageSchema.optional(),
})
export type CreateIncidentInput = z.output<typeof createIncidentInput>

/** addUpdate: a timeline entry, optionally moving the status. */
export const addUpdateInput = z.object({
  incidentId: idSchema,
  status: incidentStatusSchema.optional(),
  message: messageSchema,
  /** Required (true) to update a resolved incident; the status must then be an open one. */
  reopen: z.boolean().optional(),
})
export type AddUpdateInput = z.output<typeof addUpdateInput>

/** resolveIncident: resolves an open incident. */
export const resolveIncidentInput = z.object({
  incidentId: idSchema,
  message: messageSchema.optional(),
})
export type ResolveIncidentInput = z.output<typeof resolveIncidentInput>

/** The answer of a delete. */
export const deletedSchema = z.object({ success: z.literal(true) })
