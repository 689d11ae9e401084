import { z } from 'zod'

/** The part of JSON Schema (draft 2020-12, as `z.toJSONSchema` writes it) the fuzzer reads. */
export interface JsonSchemaNode {
  readonly type?: string | readonly string[]
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>
  readonly required?: readonly string[]
  readonly additionalProperties?: JsonSchemaNode | boolean
  readonly items?: JsonSchemaNode
  readonly anyOf?: readonly JsonSchemaNode[]
  readonly oneOf?: readonly JsonSchemaNode[]
  readonly allOf?: readonly JsonSchemaNode[]
  readonly enum?: readonly unknown[]
  readonly const?: unknown
  readonly format?: string
  readonly pattern?: string
  readonly minLength?: number
  readonly maxLength?: number
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
  readonly minItems?: number
  readonly maxItems?: number
  readonly $ref?: string
  readonly $defs?: Readonly<Record<string, JsonSchemaNode>>
}

/** A contract procedure as oRPC stores it: its input schema sits under `~orpc`. */
interface ContractProcedureLike {
  readonly '~orpc': { readonly inputSchema?: unknown }
}

/**
 * The JSON Schema of what a procedure accepts (zod's input side: defaults
 * optional, transforms as their input, refinements left out), or `{}` when
 * it takes anything.
 */
export function inputJsonSchema(procedure: ContractProcedureLike): JsonSchemaNode {
  const schema = procedure['~orpc'].inputSchema
  if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) return {}
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode
}
