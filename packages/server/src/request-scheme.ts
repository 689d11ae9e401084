import type { Context } from 'hono'
import { parseTrustedProxies, socketAddressOf } from './client-address.ts'
import { requestHeader } from './request-header.ts'

/** True when the client reached the host over https. */
export type SecureRequestCheck = (c: Context) => boolean

/**
 * Whether a request came over https as the client sees it: the URL's scheme,
 * or, only when the socket peer is a trusted proxy (CHECKPOST_TRUSTED_PROXIES),
 * the nearest hop of its `X-Forwarded-Proto` (a TLS-terminating proxy in front).
 * An untrusted peer's `X-Forwarded-Proto` is ignored.
 * @example const isSecureRequest = createSecureRequestCheck('10.0.0.0/8')
 */
export function createSecureRequestCheck(trustedProxies: string | undefined): SecureRequestCheck {
  const trusted = parseTrustedProxies(trustedProxies)
  return function isSecureRequest(c) {
    if (c.req.url.startsWith('https:')) return true
    if (trusted.size === 0 || !trusted.contains(socketAddressOf(c))) return false
    const forwarded = requestHeader(c, 'x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase()
    return forwarded === 'https'
  }
}
