import ipaddr from 'ipaddr.js'

/**
 * An address as numbers, ready for prefix matching: IPv4 as one unsigned
 * 32-bit integer, IPv6 as its eight 16-bit groups (IPv4-mapped IPv6 is IPv4).
 */
export type IpAddress =
  | { readonly kind: 'ipv4'; readonly value: number }
  | { readonly kind: 'ipv6'; readonly parts: readonly number[] }

/** Dotted-quad IPv4 as the OS and `normalizeAddress` write it: no leading zeros, each part 0–255. */
const CANONICAL_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

/** True for `a.b.c.d` in canonical form (already what `normalizeAddress` would return). */
export function isCanonicalIpv4(text: string): boolean {
  return CANONICAL_IPV4.test(text)
}

/**
 * Parses an address (any form ipaddr.js accepts); undefined when it does not
 * parse. Canonical dotted quads, the common case per request, skip ipaddr.js.
 * @example toIpAddress('10.1.2.3') // { kind: 'ipv4', value: 167838211 }
 */
export function toIpAddress(text: string): IpAddress | undefined {
  if (isCanonicalIpv4(text)) return { kind: 'ipv4', value: ipv4Value(text.split('.').map(Number)) }
  let parsed: ipaddr.IPv4 | ipaddr.IPv6
  try {
    parsed = ipaddr.process(text)
  } catch {
    return undefined
  }
  return fromIpaddr(parsed)
}

/** The numeric form of an ipaddr.js address (IPv4-mapped IPv6 becomes IPv4). */
export function fromIpaddr(address: ipaddr.IPv4 | ipaddr.IPv6): IpAddress {
  if (address.kind() === 'ipv4') return { kind: 'ipv4', value: ipv4Value((address as ipaddr.IPv4).octets) }
  const v6 = address as ipaddr.IPv6
  if (v6.isIPv4MappedAddress()) return fromIpaddr(v6.toIPv4Address())
  return { kind: 'ipv6', parts: [...v6.parts] }
}

/** Four octets as one unsigned 32-bit integer. */
export function ipv4Value(octets: readonly number[]): number {
  return ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0
}
