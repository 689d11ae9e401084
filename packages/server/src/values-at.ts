/**
 * The string values at a dotted path, `*` walking every array element.
 * @example valuesAt({ results: [{ id: 'a' }, { id: 'b' }] }, 'results.*.id') // ['a', 'b']
 */
export function valuesAt(value: unknown, path: string): string[] {
  const parts = path.split('.')
  const found: string[] = []
  // Pushes into one array, none per element: a 1,000-result batch walks 1,000 items.
  const collect = (current: unknown, at: number): void => {
    if (at === parts.length) {
      if (typeof current === 'string') found.push(current)
      return
    }
    if (typeof current !== 'object' || current === null) return
    const head = parts[at]!
    if (head !== '*') collect((current as Record<string, unknown>)[head], at + 1)
    else if (Array.isArray(current)) for (const item of current) collect(item, at + 1)
  }
  collect(value, 0)
  return found
}
