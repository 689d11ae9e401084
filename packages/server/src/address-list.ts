import ipaddr from 'ipaddr.js'
import { ipv4Value, toIpAddress } from './ip-address.ts'

/** A parsed list of addresses and CIDR ranges, IPv4 and IPv6. */
export interface AddressList {
  readonly size: number
  /** True when `address` lies in one of the ranges (IPv4-mapped IPv6 counts as IPv4); false when it does not parse. */
  contains(address: string): boolean
}

/** An IPv4 range as a masked 32-bit base and its mask. */
interface Ipv4Range {
  readonly base: number
  readonly mask: number
}

/** An IPv6 range as its eight groups and prefix length. */
interface Ipv6Range {
  readonly parts: readonly number[]
  readonly bits: number
}

/**
 * Parses CIDRs (`10.0.0.0/8`, `2001:db8::/32`) and single addresses with
 * ipaddr.js, once, into numeric ranges per family; `contains` then parses the
 * address once and compares integers. Throws naming `label` and the entry
 * that does not parse.
 * @example parseAddressList(['10.0.0.0/8', '::1'], 'allowedIps').contains('10.1.2.3') // true
 */
export function parseAddressList(entries: readonly string[], label: string): AddressList {
  const ipv4: Ipv4Range[] = []
  const ipv6: Ipv6Range[] = []
  for (const entry of entries) {
    const range = toRange(entry, label)
    if ('mask' in range) ipv4.push(range)
    else ipv6.push(range)
  }
  return {
    size: entries.length,
    contains(text) {
      const address = toIpAddress(text)
      if (!address) return false
      if (address.kind === 'ipv4') return ipv4.some((range) => ((address.value & range.mask) >>> 0) === range.base)
      return ipv6.some((range) => ipv6Matches(address.parts, range))
    },
  }
}

/** An IPv4-mapped IPv6 range of at least 96 bits is the IPv4 range it maps (as client addresses are). */
function toRange(entry: string, label: string): Ipv4Range | Ipv6Range {
  let base: ipaddr.IPv4 | ipaddr.IPv6
  let bits: number
  try {
    ;[base, bits] = parseEntry(entry)
  } catch (error) {
    throw new Error(`${label}: "${entry}" is not an IP address or CIDR range`, { cause: error })
  }
  if (base.kind() === 'ipv4') return ipv4Range((base as ipaddr.IPv4).octets, bits)
  const v6 = base as ipaddr.IPv6
  if (v6.isIPv4MappedAddress() && bits >= 96) return ipv4Range(v6.toIPv4Address().octets, bits - 96)
  return { parts: [...v6.parts], bits }
}

function parseEntry(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (entry.includes('/')) return ipaddr.parseCIDR(entry)
  const address = ipaddr.process(entry)
  return [address, address.kind() === 'ipv4' ? 32 : 128]
}

function ipv4Range(octets: readonly number[], bits: number): Ipv4Range {
  const mask = ipv4Mask(bits)
  return { base: (ipv4Value(octets) & mask) >>> 0, mask }
}

function ipv4Mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
}

function ipv6Matches(parts: readonly number[], range: Ipv6Range): boolean {
  for (let group = 0, left = range.bits; left > 0; group++, left -= 16) {
    const shift = 16 - Math.min(16, left)
    if (parts[group]! >> shift !== range.parts[group]! >> shift) return false
  }
  return true
}
