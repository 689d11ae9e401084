import type { Hono } from 'hono'
import type { ClientAddressResolver } from './client-address.ts'
import type { SecureRequestCheck } from './request-scheme.ts'
import { requestIdOf } from './host-routes.ts'
import type { HttpRoute } from './http-route.ts'

/** Mounts plugins' plain HTTP routes; each response carries the request id. */
export function mountHttpRoutes(
  app: Hono,
  routes: readonly HttpRoute[],
  client: { clientAddressOf: ClientAddressResolver; isSecureRequest: SecureRequestCheck },
): void {
  for (const route of routes) {
    app.on(route.method, route.path, async function pluginRoute(c) {
      const requestId = requestIdOf(c)
      const response = await route.handle(c.req.raw, { clientIp: client.clientAddressOf(c), requestId, https: client.isSecureRequest(c) })
      const headers = new Headers(response.headers)
      headers.set('x-request-id', requestId)
      return new Response(response.body, { status: response.status, headers })
    })
  }
}
