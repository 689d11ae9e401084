import type { OpenAPI } from '@orpc/openapi'
import { errorResponseName, GUARDED_STATUSES, COMMON_STATUSES, WRITE_STATUSES } from './openapi-components.ts'
import { SIGNED_IN } from './openapi-operation.ts'

/** One procedure's schemas as the batch needs them (already generated for its own operation). */
export interface BatchMember {
  readonly name: string
  readonly input: OpenAPI.SchemaObject | OpenAPI.ReferenceObject
  readonly output: OpenAPI.SchemaObject | OpenAPI.ReferenceObject
  readonly description: string
}

const JSON_CONTENT = 'application/json'

function batchErrors(): OpenAPI.ResponsesObject {
  const statuses = [...COMMON_STATUSES, ...GUARDED_STATUSES, ...WRITE_STATUSES].sort((a, b) => a - b)
  return Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/${errorResponseName(status, 'batch')}` }]))
}

/**
 * The JSON endpoint `POST /api/{pluginId}/` as the batch it is: a body whose
 * keys are procedure names and values their inputs; the answer holds each
 * key's output. All-or-nothing: every key is checked before any runs.
 */
export function createBatchOperation(pluginId: string, members: readonly BatchMember[], maxKeys: number): OpenAPI.OperationObject {
  const request = Object.fromEntries(members.map((m) => [m.name, { ...m.input, description: m.description }]))
  const response = Object.fromEntries(members.map((m) => [m.name, m.output]))
  return {
    operationId: `${pluginId}.batch`,
    summary: `${pluginId}: JSON endpoint (one call or a batch)`,
    description: [
      'Each key is a procedure name of this plugin and its value that procedure\'s input (`{}` or `null` for none).',
      'One key is a single call; several are a batch. The caller is authenticated once; every key is checked',
      '(procedure exists, access rule held, input valid, resources reachable) before any handler runs; handlers',
      'then run in key order in one transaction. The first failure is the response (`procedure` names its key) and nothing is kept.',
    ].join(' '),
    tags: [pluginId],
    security: SIGNED_IN,
    requestBody: {
      required: true,
      content: {
        [JSON_CONTENT]: {
          schema: { type: 'object', properties: request, additionalProperties: false, minProperties: 1, maxProperties: maxKeys },
        },
      },
    },
    responses: {
      '200': {
        description: 'The output of every key, under the same key.',
        content: { [JSON_CONTENT]: { schema: { type: 'object', properties: response, additionalProperties: false } } },
      },
      ...batchErrors(),
    },
    'x-checkpost-batch': true,
  } as OpenAPI.OperationObject
}
