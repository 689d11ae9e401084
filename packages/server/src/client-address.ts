import type { Context } from 'hono'
import ipaddr from 'ipaddr.js'
import { parseAddressList, type AddressList } from './address-list.ts'
import { isCanonicalIpv4 } from './ip-address.ts'
import { nodeIncomingOf } from './node-incoming.ts'
import { requestHeader } from './request-header.ts'

/** Requests made in process (`app.request` in tests) have no socket; they count as loopback. */
const IN_PROCESS_ADDRESS = '127.0.0.1'
/** Hops of X-Forwarded-For looked at, at most. */
const MAX_HOPS = 20

/** Finds the client address of a request. */
export type ClientAddressResolver = (c: Context) => string

/**
 * The client address: the socket peer, unless that peer is a trusted proxy
 * (`trustedProxies`, CIDR list as in CHECKPOST_TRUSTED_PROXIES); then the
 * rightmost X-Forwarded-For hop that is not itself a trusted proxy. An
 * untrusted peer's X-Forwarded-For is ignored. Bad settings throw here, once.
 * @example const clientAddressOf = createClientAddressResolver('10.0.0.0/8')
 */
export function createClientAddressResolver(trustedProxies: string | undefined): ClientAddressResolver {
  const trusted = parseTrustedProxies(trustedProxies)
  return function clientAddressOf(c) {
    const peer = socketAddressOf(c)
    if (trusted.size === 0 || !trusted.contains(peer)) return peer
    return forwardedClient(requestHeader(c, 'x-forwarded-for'), trusted) ?? peer
  }
}

/** The socket peer (IPv4-mapped IPv6 written as plain IPv4). */
export function socketAddressOf(c: Context): string {
  const address = nodeIncomingOf(c.env)?.socket?.remoteAddress
  return address ? normalizeAddress(address) : IN_PROCESS_ADDRESS
}

/**
 * An address in canonical text; IPv4-mapped IPv6 as plain IPv4; text that does
 * not parse comes back as is. A canonical dotted quad (most socket peers) is
 * returned without parsing.
 */
export function normalizeAddress(text: string): string {
  if (isCanonicalIpv4(text)) return text
  if (!ipaddr.isValid(text)) return text
  return ipaddr.process(text).toString()
}

function forwardedClient(header: string | undefined, trusted: AddressList): string | undefined {
  if (!header) return undefined
  const hops = header.split(',').slice(-MAX_HOPS).map((hop) => hop.trim())
  let client: string | undefined
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!
    if (!ipaddr.isValid(hop)) return client
    client = normalizeAddress(hop)
    if (!trusted.contains(client)) return client
  }
  return client
}

/** `CHECKPOST_TRUSTED_PROXIES` (comma-separated CIDRs) as an address list; throws on a bad entry. */
export function parseTrustedProxies(value: string | undefined): AddressList {
  return parseAddressList(splitList(value), 'CHECKPOST_TRUSTED_PROXIES')
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '')
}
