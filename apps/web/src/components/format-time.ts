/** A stored ISO time in the reader's locale, or `fallback` when absent. */
export function formatTime(iso: string | null | undefined, fallback = 'Never'): string {
  if (!iso) return fallback
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
