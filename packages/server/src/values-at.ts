/**
 * The string values at a dotted path, `*` walking every array element.
 * @example valuesAt({ results: [{ id: 'a' }, { id: 'b' }] }, 'results.*.id') // ['a', 'b']
 */
export function valuesAt(value: unknown, path: string): string[] {
  return collect(value, path.split('.'))
}

function collect(value: unknown, parts: readonly string[]): string[] {
  if (parts.length === 0) return typeof value === 'string' ? [value] : []
  if (typeof value !== 'object' || value === null) return []
  const [head, ...rest] = parts
  if (head === '*') return Array.isArray(value) ? value.flatMap((item) => collect(item, rest)) : []
  return collect((value as Record<string, unknown>)[head!], rest)
}
