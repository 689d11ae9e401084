import ipaddr from 'ipaddr.js'

/** IPv6 prefix one subscriber usually holds (RFC 6177): all its addresses count as one source. */
const IPV6_SUBSCRIBER_PREFIX = 64

/**
 * The source a failure counts against: an IPv4 address itself, an IPv6
 * address's /64 (one host or household gets a whole /64, so counting single
 * IPv6 addresses would let a guesser rotate through 2^64 of them). Text that
 * is not an address comes back as is.
 * @example failureBucketOf('2001:db8:1:2::7') // '2001:db8:1:2::/64'
 */
export function failureBucketOf(address: string): string {
  if (!ipaddr.isValid(address)) return address
  const parsed = ipaddr.process(address)
  if (parsed.kind() === 'ipv4') return parsed.toString()
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, IPV6_SUBSCRIBER_PREFIX / 16)
  const network = new ipaddr.IPv6([...parts, 0, 0, 0, 0])
  return `${network.toString()}/${IPV6_SUBSCRIBER_PREFIX}`
}
