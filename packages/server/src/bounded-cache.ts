/**
 * A Map that forgets its oldest entry past `max` entries: enough to keep
 * per-key caches from growing without bound, with O(1) get and set.
 */
export function createBoundedCache<K, V>(max: number) {
  const map = new Map<K, V>()
  return {
    get: (key: K) => map.get(key),
    set(key: K, value: V) {
      map.delete(key)
      if (map.size >= max) map.delete(map.keys().next().value as K)
      map.set(key, value)
    },
    delete: (key: K) => map.delete(key),
    get size() {
      return map.size
    },
  }
}
