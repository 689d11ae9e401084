import type { Context } from 'hono'

/**
 * The client address the host knows for a request: the socket's remote
 * address under @hono/node-server, or null (e.g. `app.request` in tests).
 * The one place to teach about trusted proxies.
 */
export function sourceAddressOf(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress ?? null
}
