import type { ProcedureMeta } from '@checkpost/contract'
import type { OpenAPI } from '@orpc/openapi'
import { isWriteProcedure } from '../write-procedure.ts'
import { COMMON_STATUSES, errorResponseName, GUARDED_STATUSES, WRITE_STATUSES } from './openapi-components.ts'

/** Who may call an operation: any of the schemes, or nobody needs one. */
export const SIGNED_IN: OpenAPI.SecurityRequirementObject[] = [{ bearerAuth: [] }, { sessionCookie: [] }]

/** The statuses an operation of this metadata may answer with an error. */
export function errorStatusesOf(meta: ProcedureMeta): number[] {
  return [
    ...COMMON_STATUSES,
    ...(meta.public ? [] : GUARDED_STATUSES),
    ...(isWriteProcedure(meta) ? WRITE_STATUSES : []),
  ].sort((a, b) => a - b)
}

/** What a reader needs to know about access, in words. */
export function accessSentence(meta: ProcedureMeta): string {
  if (meta.public) return 'Public: no credential needed.'
  const rules = (meta.access ?? []).map((rule) => `\`${rule.id}\``).join(', ')
  const teams = meta.instance ? ' Team grants on the resource instance also give access.' : ''
  return `Needs ${rules}.${teams}`
}

/**
 * Adds Checkpost's part to an operation oRPC generated for one procedure:
 * its id, tag, access rules (`x-checkpost-access`), instance access, security
 * and the error responses of the per-procedure endpoint.
 */
export function decorateOperation(
  operation: OpenAPI.OperationObject,
  procedure: { pluginId: string; name: string; meta: ProcedureMeta },
): OpenAPI.OperationObject {
  const { pluginId, name, meta } = procedure
  const ok = operation.responses?.['200'] ?? { description: 'OK' }
  const errors = Object.fromEntries(
    errorStatusesOf(meta).map((status) => [String(status), { $ref: `#/components/responses/${errorResponseName(status, 'procedure')}` }]),
  )
  return {
    ...operation,
    operationId: `${pluginId}.${name}`,
    summary: operation.summary ?? name,
    description: [operation.description, accessSentence(meta)].filter(Boolean).join('\n\n'),
    tags: [pluginId],
    security: meta.public ? [] : SIGNED_IN,
    responses: { '200': ok, ...errors },
    'x-checkpost-access': (meta.access ?? []).map((rule) => rule.id),
    ...(meta.instance ? { 'x-checkpost-instance': meta.instance } : {}),
  } as OpenAPI.OperationObject
}
