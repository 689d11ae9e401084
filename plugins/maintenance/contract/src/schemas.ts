import { cursorSchema, descriptionSchema, idSchema, limitSchema, nameSchema, optionalInput, timestampSchema } from '@checkpost/contract'
import { z } from 'zod'

/** Derived from the clock and the actions taken: never stored. */
export const windowStateSchema = z.enum(['scheduled', 'in_progress', 'completed', 'cancelled'])
export type WindowState = z.infer<typeof windowStateSchema>

const titleSchema = nameSchema
const systemIdsSchema = z.array(idSchema).min(1, 'name at least one system').max(100)

/** A maintenance window as every procedure returns it. */
export const windowSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string().nullable(),
  systemIds: z.array(idSchema),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  state: windowStateSchema,
  cancelledAt: timestampSchema.nullable(),
  completedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type MaintenanceWindow = z.infer<typeof windowSchema>

/** getWindows filters and paging; `{}`, `null` or nothing lists everything. */
export const getWindowsInput = optionalInput(
  z.object({
    state: windowStateSchema.optional(),
    systemId: idSchema.optional(),
    /** Windows on any of these systems (a hidden one among them lists nothing). */
    systemIds: z.array(idSchema).min(1).max(500).optional(),
    /** Windows overlapping [from, to). */
    from: timestampSchema.optional(),
    to: timestampSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema.optional(),
  }),
)
export type GetWindowsInput = z.output<typeof getWindowsInput>

/** One page of windows, latest start first. */
export const windowListSchema = z.object({ windows: z.array(windowSchema), nextCursor: z.string().nullable() })

/** A single window by id. */
export const windowIdInput = z.object({ windowId: idSchema })

/** An end that is not after its start, when both are given (the other case is checked against the stored window). */
const endsBeforeStart = (w: { startsAt?: string; endsAt?: string }) =>
  w.startsAt !== undefined && w.endsAt !== undefined && Date.parse(w.endsAt) <= Date.parse(w.startsAt)

/** A new window on 1..100 catalog systems. */
export const scheduleWindowInput = z
  .object({
    title: titleSchema,
    description: descriptionSchema.optional(),
    systemIds: systemIdsSchema,
    startsAt: timestampSchema,
    endsAt: timestampSchema,
  })
  .refine((w) => !endsBeforeStart(w), { message: 'must be after startsAt', path: ['endsAt'] })
export type ScheduleWindowInput = z.output<typeof scheduleWindowInput>

/** A window id plus the fields to change. */
export const updateWindowInput = z
  .object({
    windowId: idSchema,
    title: titleSchema.optional(),
    description: descriptionSchema.nullable().optional(),
    systemIds: systemIdsSchema.optional(),
    startsAt: timestampSchema.optional(),
    endsAt: timestampSchema.optional(),
  })
  .refine((w) => !endsBeforeStart(w), { message: 'must be after startsAt', path: ['endsAt'] })
export type UpdateWindowInput = z.output<typeof updateWindowInput>
