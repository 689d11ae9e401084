/**
 * Groups rows into lists by a key, keeping row order: the shape every
 * one-to-many read needs (a group's systems, an application's teams, …).
 * @example const systemsByGroup = groupRows(rows, (r) => r.group_id, (r) => r.system_id)
 */
export function groupRows<R, K, V>(rows: readonly R[], keyOf: (row: R) => K, valueOf: (row: R) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>()
  for (const row of rows) {
    const key = keyOf(row)
    const list = groups.get(key)
    if (list) list.push(valueOf(row))
    else groups.set(key, [valueOf(row)])
  }
  return groups
}
