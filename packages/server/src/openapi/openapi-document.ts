import { isContractProcedure } from '@orpc/contract'
import { OpenAPIGenerator, type OpenAPI } from '@orpc/openapi'
import { ZodToJsonSchemaConverter } from '@orpc/zod/zod4'
import type { ProcedureMeta } from '@checkpost/contract'
import type { PluginDefinition } from '../plugin.ts'
import { createBatchOperation, type BatchMember } from './openapi-batch.ts'
import { createComponents } from './openapi-components.ts'
import { accessSentence, decorateOperation } from './openapi-operation.ts'
import { describeTransformsByTheirInput } from './transform-interceptor.ts'

/** What the document says about the host besides its plugins. */
export interface OpenApiDocumentOptions {
  readonly title?: string
  readonly version?: string
  /** Keys allowed in one JSON-endpoint batch. */
  readonly maxBatchKeys: number
}

const ANY = {}

/**
 * The OpenAPI 3.1 document of every mounted plugin, generated from the contracts:
 * `POST /api/{pluginId}/{procedure}` per procedure (input, output, rules in
 * `x-checkpost-access`, errors) and `POST /api/{pluginId}/` as the batch it is.
 * @example const document = await createOpenApiDocument(plugins, { maxBatchKeys: 100 })
 */
export async function createOpenApiDocument(
  plugins: readonly PluginDefinition[],
  options: OpenApiDocumentOptions,
): Promise<OpenAPI.Document> {
  const generator = new OpenAPIGenerator({ schemaConverters: [new ZodToJsonSchemaConverter({ interceptors: [describeTransformsByTheirInput] })] })
  const generated = await generator.generate({ api: Object.fromEntries(plugins.map((p) => [p.id, p.contract])) }, {
    info: { title: options.title ?? 'Checkpost API', version: options.version ?? '0.1.0' },
  })
  const paths: Record<string, { post: OpenAPI.OperationObject }> = {}
  for (const plugin of plugins) {
    const members: BatchMember[] = []
    for (const [name, contract] of Object.entries(plugin.contract)) {
      if (!isContractProcedure(contract)) continue
      const path = `/api/${plugin.id}/${name}`
      const operation = generated.paths?.[path]?.post
      if (!operation) throw new Error(`OpenAPI: no operation was generated for ${plugin.id}.${name}`)
      const meta = contract['~orpc'].meta as ProcedureMeta
      paths[path] = { post: decorateOperation(operation, { pluginId: plugin.id, name, meta }) }
      members.push({ name, input: inputSchemaOf(operation), output: outputSchemaOf(operation), description: accessSentence(meta) })
    }
    paths[`/api/${plugin.id}/`] = { post: createBatchOperation(plugin.id, members, options.maxBatchKeys) }
  }
  return {
    openapi: '3.1.1',
    info: generated.info,
    tags: plugins.map((plugin) => ({ name: plugin.id })),
    paths: paths as OpenAPI.PathsObject,
    components: createComponents(),
  }
}

function inputSchemaOf(operation: OpenAPI.OperationObject) {
  const body = operation.requestBody as OpenAPI.RequestBodyObject | undefined
  const schema = body?.content['application/json']?.schema ?? ANY
  // A procedure without input takes `{}` or `null` in a batch.
  return body?.required ? schema : { anyOf: [schema, { type: 'null' }] }
}

function outputSchemaOf(operation: OpenAPI.OperationObject) {
  const ok = operation.responses?.['200'] as OpenAPI.ResponseObject | undefined
  return ok?.content?.['application/json']?.schema ?? ANY
}
