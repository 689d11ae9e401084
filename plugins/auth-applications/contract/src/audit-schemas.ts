import { cursorSchema, idSchema, limitSchema, optionalInput, timestampSchema, tokenSchema } from '@checkpost/contract'
import { z } from 'zod'

/** One audit entry (DESIGN: audit log); never a secret or a hash. */
export const auditEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  actor: z.object({ kind: z.enum(['application', 'user', 'cli']), id: z.string(), name: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string(), name: z.string().optional() }),
  changes: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string().nullable(),
  sourceIp: z.string().nullable(),
})
export type AuditLogEntry = z.infer<typeof auditEntrySchema>

/** getAuditLog filters; newest entries first, `from`/`to` inclusive. */
export const getAuditLogInput = optionalInput(
  z.object({
    actorId: tokenSchema(200).optional(),
    targetId: tokenSchema(200).optional(),
    action: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'must look like resource.verb').optional(),
    from: timestampSchema.optional(),
    to: timestampSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema.optional(),
  }),
)
export type GetAuditLogInput = z.output<typeof getAuditLogInput>

export const auditLogPageSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
