import fc from 'fast-check'
import type { JsonSchemaNode } from './json-schema-node.ts'

/** Values the host already knows, so generated inputs name real things. */
export interface FuzzPools {
  /** Ids of existing resources of every kind, in creation order (a seed replays the same picks). */
  readonly ids: readonly string[]
  /** Other known strings: role ids, rule ids, resource types, names in use. */
  readonly strings: readonly string[]
  /** Values that fit a field by its name (`systemId` → existing systems), picked most often there. */
  readonly byField?: Readonly<Record<string, readonly string[]>>
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  let out = ''
  for (const char of text) {
    if (out.length + char.length > max) break
    out += char
  }
  return out
}

function dateTime(): fc.Arbitrary<string> {
  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  const offset = fc.constantFrom('Z', '+00:00', '+05:30', '-08:00', '+14:00')
  return fc.tuple(date, offset).map(([value, zone]) => value.toISOString().replace('Z', zone))
}

function localUrl(): fc.Arbitrary<string> {
  const host = fc.constantFrom('127.0.0.1', 'localhost', '[::1]')
  return fc
    .tuple(fc.constantFrom('http', 'https'), host, fc.integer({ min: 1, max: 65_535 }), fc.webPath())
    .map(([scheme, name, port, path]) => `${scheme}://${name}:${port}${path}`)
}

function fitting(node: JsonSchemaNode, pool: readonly string[]): string[] {
  const pattern = node.pattern === undefined ? undefined : new RegExp(node.pattern, 'u')
  return pool.filter(
    (value) =>
      value.length >= (node.minLength ?? 0) &&
      value.length <= (node.maxLength ?? Infinity) &&
      (pattern === undefined || pattern.test(value)),
  )
}

function freeText(node: JsonSchemaNode): fc.Arbitrary<string> {
  const min = node.minLength ?? 0
  const max = node.maxLength ?? 200
  const size = { minLength: min, maxLength: Math.min(max, Math.max(min, 40)) }
  if (node.pattern !== undefined) {
    const pattern = new RegExp(node.pattern, 'u')
    return fc.stringMatching(pattern).filter((value) => value.length >= min && value.length <= max)
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ ...size, unit: 'grapheme-ascii' }) },
    { weight: 1, arbitrary: fc.string({ ...size, unit: 'grapheme' }).map((value) => truncate(value, max)) },
  )
}

/**
 * A string of the node's shape: its format (uuid, date-time, uri, email),
 * pattern and length, drawing often on the pools (real ids, known names),
 * most often on the values that fit `field` by name.
 * URLs stay on this machine's loopback addresses.
 */
export function validString(node: JsonSchemaNode, pools: FuzzPools, field?: string): fc.Arbitrary<string> {
  const known = (values: readonly string[], weight = 1) => (values.length > 0 ? [{ weight, arbitrary: fc.constantFrom(...values) }] : [])
  const fitsField = known(field === undefined ? [] : fitting(node, pools.byField?.[field] ?? []), 4)
  switch (node.format) {
    case 'uuid':
      return fc.oneof(...fitsField, ...known(pools.ids), { weight: 1, arbitrary: fc.uuid() })
    case 'date-time':
      return dateTime()
    case 'uri':
      return localUrl()
    case 'email':
      return fc.emailAddress()
    case undefined:
    default:
      return fc.oneof(...fitsField, ...known(fitting(node, [...pools.strings, ...pools.ids])), { weight: 1, arbitrary: freeText(node) })
  }
}
