import ipaddr from 'ipaddr.js'

/** A parsed list of addresses and CIDR ranges, IPv4 and IPv6. */
export interface AddressList {
  readonly size: number
  /** True when `address` lies in one of the ranges (IPv4-mapped IPv6 counts as IPv4). */
  contains(address: string): boolean
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number]

/**
 * Parses CIDRs (`10.0.0.0/8`, `2001:db8::/32`) and single addresses with
 * ipaddr.js; throws naming `label` and the entry that does not parse.
 * @example parseAddressList(['10.0.0.0/8', '::1'], 'allowedIps').contains('10.1.2.3') // true
 */
export function parseAddressList(entries: readonly string[], label: string): AddressList {
  const ranges = entries.map((entry) => toRange(entry, label))
  return {
    size: ranges.length,
    contains(address) {
      const parsed = parseOrUndefined(address)
      if (!parsed) return false
      const kind = parsed.kind()
      return ranges.some(([base, bits]) => base.kind() === kind && parsed.match(base, bits))
    },
  }
}

function toRange(entry: string, label: string): Range {
  try {
    if (entry.includes('/')) {
      const [base, bits] = ipaddr.parseCIDR(entry)
      return base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96
        ? [(base as ipaddr.IPv6).toIPv4Address(), bits - 96]
        : [base, bits]
    }
    const address = ipaddr.process(entry)
    return [address, address.kind() === 'ipv4' ? 32 : 128]
  } catch (error) {
    throw new Error(`${label}: "${entry}" is not an IP address or CIDR range`, { cause: error })
  }
}

function parseOrUndefined(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  try {
    return ipaddr.process(address)
  } catch {
    return undefined
  }
}
