/** Groups items by their `pluginId`, plugins in first-seen order. */
export function groupByPlugin<T extends { pluginId: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(item.pluginId)
    if (group) group.push(item)
    else groups.set(item.pluginId, [item])
  }
  return [...groups]
}
