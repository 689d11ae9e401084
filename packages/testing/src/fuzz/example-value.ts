import type { JsonSchemaNode } from './json-schema-node.ts'

/** A fixed, valid-shaped UUID (version 4). */
export const EXAMPLE_UUID = '5b0c3c1e-8f4a-4c7e-9d2b-1a2b3c4d5e6f'

/** Literal targets only on this machine, so nothing generated points outside it. */
export const EXAMPLE_URL = 'http://127.0.0.1:9/health'

/** First type named by a node (`type` may be a list). */
export function typeOf(node: JsonSchemaNode): string | undefined {
  return Array.isArray(node.type) ? node.type[0] : (node.type as string | undefined)
}

/** Follows a local `$ref` (`#/$defs/Name`) against the document root. */
export function resolveRef(node: JsonSchemaNode, root: JsonSchemaNode): JsonSchemaNode {
  if (!node.$ref) return node
  const name = node.$ref.replace(/^#\/\$defs\//, '')
  return root.$defs?.[name] ?? {}
}

function exampleString(node: JsonSchemaNode): string {
  if (node.format === 'uuid') return EXAMPLE_UUID
  if (node.format === 'date-time') return '2026-11-30T10:00:00.000Z'
  if (node.format === 'uri') return EXAMPLE_URL
  if (node.format === 'email') return 'someone@example.com'
  return 'a'.repeat(Math.max(node.minLength ?? 1, 1))
}

/**
 * The simplest value the node accepts as JSON Schema reads it (zod refinements
 * aside): the building block of boundary values such as "one item past maxItems".
 */
export function exampleValue(node: JsonSchemaNode, root: JsonSchemaNode = node): unknown {
  node = resolveRef(node, root)
  if ('const' in node) return node.const
  if (node.enum) return node.enum[0]
  const branch = node.anyOf?.[0] ?? node.oneOf?.[0] ?? node.allOf?.[0]
  if (branch) return exampleValue(branch, root)
  switch (typeOf(node)) {
    case 'string':
      return exampleString(node)
    case 'integer':
    case 'number':
      return node.minimum ?? 0
    case 'boolean':
      return true
    case 'null':
      return null
    case 'array':
      return Array.from({ length: node.minItems ?? 0 }, () => exampleValue(node.items ?? {}, root))
    case 'object':
      return Object.fromEntries((node.required ?? []).map((key) => [key, exampleValue(node.properties?.[key] ?? {}, root)]))
    case undefined:
    default:
      return {}
  }
}
