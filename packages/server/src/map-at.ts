/**
 * A copy of `value` with the values at a dotted path replaced by `fn`, `*`
 * walking every array element; parts that are missing stay as they are.
 * @example mapAt({ groups: [{ ids: ['a'] }] }, 'groups.*.ids', (ids) => []) // { groups: [{ ids: [] }] }
 */
export function mapAt(value: unknown, path: string, fn: (found: unknown) => unknown): unknown {
  return map(value, path.split('.'), fn)
}

function map(value: unknown, parts: readonly string[], fn: (found: unknown) => unknown): unknown {
  if (parts.length === 0) return fn(value)
  if (typeof value !== 'object' || value === null) return value
  const [head, ...rest] = parts
  if (head === '*') return Array.isArray(value) ? value.map((item) => map(item, rest, fn)) : value
  const record = value as Record<string, unknown>
  if (!(head! in record)) return value
  return { ...record, [head!]: map(record[head!], rest, fn) }
}
