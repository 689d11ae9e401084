import { ERROR_STATUS, type ErrorCode } from '@checkpost/contract'
import type { OpenAPI } from '@orpc/openapi'

/** The session cookie a signed-in user sends (better-auth's default name). */
export const SESSION_COOKIE_NAME = 'better-auth.session_token'

const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[]
const issues = {
  type: 'array',
  items: {
    type: 'object',
    properties: { path: { type: 'string' }, message: { type: 'string' } },
    required: ['path', 'message'],
  },
}

/** The error descriptions by status: when each code is answered (DESIGN.md's table). */
const WHEN: Record<number, string> = {
  400: 'Invalid JSON, body not an object, no keys, or input failing its schema (`issues`)',
  401: 'Credential missing, malformed, unknown, revoked, regenerated or expired',
  403: 'Missing access (`Missing access: {rule}`), or access to that one resource denied',
  404: 'Unknown plugin, procedure or resource (a hidden resource answers as an absent one)',
  409: 'Uniqueness or state conflict',
  413: 'Body or batch over the limits',
  415: 'Content-Type is not application/json',
  429: 'A limit on the caller; retry after `Retry-After` seconds',
  500: 'Anything else: a generic message, logged with the request id',
}

/** Statuses every operation may answer, and those only guarded or writing ones add. */
export const COMMON_STATUSES = [400, 404, 413, 415, 429, 500] as const
export const GUARDED_STATUSES = [401, 403] as const
export const WRITE_STATUSES = [409] as const

/** `#/components/responses/…` name of an error status on one endpoint kind. */
export function errorResponseName(status: number, endpoint: 'procedure' | 'batch'): string {
  return `${endpoint === 'batch' ? 'Batch' : 'Procedure'}Error${status}`
}

function errorResponses(endpoint: 'procedure' | 'batch'): Record<string, OpenAPI.ResponseObject> {
  const schema = { $ref: `#/components/schemas/${endpoint === 'batch' ? 'Error' : 'ProcedureError'}` }
  const statuses = [...COMMON_STATUSES, ...GUARDED_STATUSES, ...WRITE_STATUSES]
  return Object.fromEntries(
    statuses.map((status) => {
      const headers: Record<string, OpenAPI.HeaderObject> = { 'X-Request-Id': { schema: { type: 'string' } } }
      if (status === 401) headers['WWW-Authenticate'] = { schema: { type: 'string', enum: ['Bearer'] } }
      if (status === 429) headers['Retry-After'] = { schema: { type: 'integer', minimum: 0 } }
      const response = { description: WHEN[status]!, headers, content: { 'application/json': { schema } } }
      return [errorResponseName(status, endpoint), response]
    }),
  )
}

/** The shared pieces every operation refers to: error bodies, error responses, security schemes. */
export function createComponents(): OpenAPI.ComponentsObject {
  return {
    schemas: {
      Error: {
        description: 'The error body of the JSON endpoint.',
        type: 'object',
        properties: { code: { type: 'string', enum: ERROR_CODES }, message: { type: 'string' }, procedure: { type: 'string' }, issues },
        required: ['code', 'message'],
      },
      ProcedureError: {
        description: "The error body of the per-procedure endpoint (oRPC's shape, so oRPC clients decode it).",
        type: 'object',
        properties: {
          defined: { type: 'boolean' },
          code: { type: 'string', enum: ERROR_CODES },
          status: { type: 'integer' },
          message: { type: 'string' },
          data: { type: 'object', properties: { issues } },
        },
        required: ['defined', 'code', 'status', 'message'],
      },
    } as Record<string, OpenAPI.SchemaObject>,
    responses: { ...errorResponses('procedure'), ...errorResponses('batch') },
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'An application key `ck_{applicationId}_{secret}` or a user API key `cku_{keyId}_{secret}`.',
      },
      sessionCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE_NAME,
        description: 'The session of a signed-in user (`POST /auth/sign-in/email`); state-changing calls need a same-origin `Origin`.',
      },
    },
  }
}
