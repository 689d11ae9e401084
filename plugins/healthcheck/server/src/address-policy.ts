import ipaddr from 'ipaddr.js'
import { DomainError } from '@checkpost/contract'

/** The setting that opens non-public networks to http checks. */
export const ALLOWED_NETWORKS_SETTING = 'CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS'

type Address = ipaddr.IPv4 | ipaddr.IPv6

/** Which addresses http checks may connect to. */
export interface AddressPolicy {
  /** True for a public unicast address, or one inside the allowed networks. */
  allows(address: string): boolean
  /** Why `address` is refused, naming the setting that would allow it. */
  refusal(address: string): string
}

/**
 * The SSRF policy: only public unicast addresses (ipaddr.js's `unicast`
 * range, so loopback, private, link-local — the cloud metadata service —,
 * multicast, reserved, NAT64/6to4 forms are all out), unless inside one of
 * the comma-separated CIDR networks of CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS.
 * IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 * A malformed list throws at startup, naming the setting.
 */
export function createAddressPolicy(allowedNetworks: string | undefined): AddressPolicy {
  const networks = parseNetworks(allowedNetworks ?? '')
  function allows(address: string): boolean {
    const parsed = toAddress(address)
    if (!parsed) return false
    if (parsed.range() === 'unicast') return true
    return networks.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))
  }
  return {
    allows,
    refusal: (address) => `address ${address} is not allowed (not public unicast; allow its network with ${ALLOWED_NETWORKS_SETTING})`,
  }
}

/** The IP address a URL host names literally (brackets stripped), or undefined for a DNS name. */
export function literalAddressOf(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  return ipaddr.isValid(bare) ? bare : undefined
}

function toAddress(address: string): Address | undefined {
  try {
    return ipaddr.process(address)
  } catch {
    return undefined
  }
}

function parseNetworks(list: string): [Address, number][] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      try {
        const [network, bits] = ipaddr.parseCIDR(entry)
        // An IPv4-mapped network (::ffff:10.0.0.0/104) is matched as the IPv4 network it names.
        if (network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress()) {
          return [(network as ipaddr.IPv6).toIPv4Address(), Math.max(0, bits - 96)] as [Address, number]
        }
        return [network, bits] as [Address, number]
      } catch {
        throw new Error(`${ALLOWED_NETWORKS_SETTING}: "${entry}" is not a CIDR network (e.g. 10.0.0.0/8, fd00::/8)`)
      }
    })
}

/**
 * Refuses (400) an http check URL whose host is a literal address the policy
 * refuses, at create and update; names are judged when probed.
 */
export function assertTargetAllowed(url: string, policy: AddressPolicy): void {
  const literal = literalAddressOf(new URL(url).hostname)
  if (literal !== undefined && !policy.allows(literal)) throw new DomainError('BAD_REQUEST', `http.url: ${policy.refusal(literal)}`)
}
