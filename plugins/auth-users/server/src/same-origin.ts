/**
 * CSRF rule for cookie credentials: a state-changing request whose `Origin`
 * names another site than the `Host` it was sent to (or one of `trusted`) is
 * refused. No `Origin` is a non-browser client (curl): browsers send it on every POST.
 */
export function isForeignOrigin(
  request: { method: string; origin: string | undefined; host?: string | undefined },
  trusted: ReadonlySet<string>,
): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false
  if (request.origin === undefined) return false
  if (trusted.has(request.origin)) return false
  try {
    return new URL(request.origin).host !== request.host
  } catch {
    return true // "null" or garbage: not us
  }
}

/** `CHECKPOST_TRUSTED_ORIGINS`: origins (scheme://host[:port]) besides the host's own, comma-separated. */
export function trustedOriginsOf(settings: Readonly<Record<string, string | undefined>>): ReadonlySet<string> {
  const list = settings.CHECKPOST_TRUSTED_ORIGINS ?? ''
  return new Set(list.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
}
