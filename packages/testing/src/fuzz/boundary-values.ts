import { exampleValue, typeOf } from './example-value.ts'
import type { JsonSchemaNode } from './json-schema-node.ts'
import { RawJson } from './raw-json.ts'

const UUID_EDGES = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '5B0C3C1E-8F4A-4C7E-9D2B-1A2B3C4D5E6F',
  '{5b0c3c1e-8f4a-4c7e-9d2b-1a2b3c4d5e6f}',
  '5b0c3c1e8f4a4c7e9d2b1a2b3c4d5e6f',
  '5b0c3c1e-8f4a-0c7e-9d2b-1a2b3c4d5e6f',
  '5b0c3c1e-8f4a-4c7e-9d2b-1a2b3c4d5e6f\n',
  ' 5b0c3c1e-8f4a-4c7e-9d2b-1a2b3c4d5e6f',
  'not-a-uuid',
  '1',
]

const DATE_TIME_EDGES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:30:00-02:00',
  '0001-01-01T00:30:00+01:00',
  '+010000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2024-02-29T12:00:00Z',
  '2026-02-29T12:00:00Z',
  '2026-02-30T25:61:00Z',
  '2026-11-30T10:00:00+14:00',
  '2026-11-30T10:00:00.123456789Z',
  '2026-11-30',
  '2026-11-30T10:00:00',
  '1764496800000',
  'now',
]

const URL_EDGES = [
  'http://',
  'http://127.0.0.1:0/',
  'http://[::1]:9/',
  'http://localhost:9/',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://[::ffff:127.0.0.1]/',
  'http://169.254.169.254/latest/meta-data/',
  'ftp://127.0.0.1/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  `http://127.0.0.1/${'a'.repeat(2_000)}`,
]

function stringEdges(node: JsonSchemaNode): unknown[] {
  const min = node.minLength ?? 0
  const max = node.maxLength
  const edges: unknown[] = ['', ' ', '\t\n ', '\u200B', ' padded ', 'Caf\u00e9', 'Cafe\u0301', 'CAFÉ']
  if (min > 1) edges.push('a'.repeat(min - 1))
  if (max !== undefined) {
    edges.push('a'.repeat(max), 'a'.repeat(max + 1), ` ${'a'.repeat(max)} `, 'é'.repeat(max), '€'.repeat(max))
    edges.push('😀'.repeat(Math.ceil(max / 2)), '😀'.repeat(Math.ceil(max / 2)).slice(0, max))
  }
  if (node.format === 'uuid') edges.push(...UUID_EDGES)
  if (node.format === 'date-time') edges.push(...DATE_TIME_EDGES)
  if (node.format === 'uri') edges.push(...URL_EDGES)
  return edges
}

function numberEdges(node: JsonSchemaNode): unknown[] {
  const edges: unknown[] = [0, -0, -1, 1, 0.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, 5e-324]
  for (const bound of [node.minimum, node.maximum, node.exclusiveMinimum, node.exclusiveMaximum]) {
    if (bound !== undefined) edges.push(bound, bound - 1, bound + 1, bound + 0.5)
  }
  return edges
}

function arrayEdges(node: JsonSchemaNode, root: JsonSchemaNode): unknown[] {
  const item = exampleValue(node.items ?? {}, root)
  const edges: unknown[] = [[], [item, item], [null]]
  if (node.minItems !== undefined && node.minItems > 0) edges.push(Array.from({ length: node.minItems - 1 }, () => item))
  if (node.maxItems !== undefined) {
    for (const length of [node.maxItems, node.maxItems + 1]) {
      edges.push(new RawJson(JSON.stringify(Array.from({ length }, () => item)), `Array(${length}) of ${JSON.stringify(item)}`))
    }
  }
  return edges
}

function objectEdges(node: JsonSchemaNode, root: JsonSchemaNode): unknown[] {
  const keys = Object.keys(node.properties ?? {})
  return [{}, exampleValue(node, root), Object.fromEntries(keys.map((key) => [key, null]))]
}

/**
 * Values at and just past the edges a node declares (lengths, bounds, item
 * counts, formats), plus the edges every value of its type has: empty, blank,
 * invisible, unnormalised, multi-byte text; -0, 2^53, 1e308; empty and
 * duplicate lists. Some are valid, most are one step outside.
 */
export function boundaryValues(node: JsonSchemaNode, root: JsonSchemaNode): unknown[] {
  switch (typeOf(node)) {
    case 'string':
      return stringEdges(node)
    case 'integer':
    case 'number':
      return numberEdges(node)
    case 'array':
      return arrayEdges(node, root)
    case 'object':
      return objectEdges(node, root)
    case 'boolean':
      return ['true', 0, 1]
    case undefined:
    default:
      return [null, {}, '']
  }
}
