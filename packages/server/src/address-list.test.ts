import ipaddr from 'ipaddr.js'
import { describe, expect, it } from 'vitest'
import { parseAddressList } from './address-list.ts'

/** ipaddr.js's own matching, as the list did it before it kept numeric ranges: the reference. */
function referenceContains(entries: readonly string[], address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6
  try {
    parsed = ipaddr.process(address)
  } catch {
    return false
  }
  return entries.some((entry) => {
    let [base, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.process(entry), -1]
    if (bits === -1) bits = base.kind() === 'ipv4' ? 32 : 128
    if (base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      ;[base, bits] = [(base as ipaddr.IPv6).toIPv4Address(), bits - 96]
    }
    return base.kind() === parsed.kind() && parsed.match(base, bits)
  })
}

/** A small deterministic generator, so a failure names a reproducible case. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0)
  const int = (below: number) => next() % below
  const ipv4 = () => [int(256), int(256), int(256), int(256)].join('.')
  const ipv6 = () => Array.from({ length: 8 }, () => (int(4) === 0 ? 0 : int(0x10000)).toString(16)).join(':')
  return { int, ipv4, ipv6 }
}

describe('parseAddressList', () => {
  it('matches IPv4 and IPv6 CIDRs and single addresses, and nothing outside them', () => {
    const list = parseAddressList(['10.0.0.0/8', '192.168.1.7', '2001:db8::/32', '::1'], 'allowedIps')
    expect(['10.200.3.4', '192.168.1.7', '2001:db8:ffff::1', '::1'].map((a) => list.contains(a))).toEqual([true, true, true, true])
    expect(['11.0.0.1', '192.168.1.8', '2001:db9::1', '::2'].map((a) => list.contains(a))).toEqual([false, false, false, false])
  })

  it('treats an IPv4-mapped IPv6 address or range as the IPv4 it maps', () => {
    expect(parseAddressList(['127.0.0.0/8'], 'allowedIps').contains('::ffff:127.0.0.1')).toBe(true)
    expect(parseAddressList(['::ffff:10.0.0.0/104'], 'allowedIps').contains('10.9.8.7')).toBe(true)
    expect(parseAddressList(['::ffff:10.0.0.0/104'], 'allowedIps').contains('11.9.8.7')).toBe(false)
  })

  it('does not widen a mapped range shorter than 96 bits to every IPv4 address', () => {
    expect(parseAddressList(['::ffff:0:0/80'], 'allowedIps').contains('8.8.8.8')).toBe(false)
  })

  it('matches everything of a family with /0 and nothing of the other family', () => {
    const list = parseAddressList(['0.0.0.0/0'], 'allowedIps')
    expect([list.contains('1.2.3.4'), list.contains('255.255.255.255'), list.contains('2001:db8::1')]).toEqual([true, true, false])
    expect(parseAddressList(['::/0'], 'allowedIps').contains('1.2.3.4')).toBe(false)
  })

  it('contains no text that is not an address', () => {
    const list = parseAddressList(['0.0.0.0/0', '::/0'], 'allowedIps')
    expect(['', 'localhost', '999.1.1.1', '1.2.3.4/8', '::g'].some((a) => list.contains(a))).toBe(false)
  })

  it('refuses an entry that does not parse, naming the setting and the entry', () => {
    expect(() => parseAddressList(['10.0.0.0/8', '10.0.0.0/33'], 'allowedIps')).toThrow('allowedIps: "10.0.0.0/33" is not an IP address or CIDR range')
  })

  it('agrees with ipaddr.js matching on 5,000 generated ranges and addresses', { timeout: 30_000 }, () => {
    const random = generator(11)
    for (let i = 0; i < 500; i++) {
      const entries = Array.from({ length: 1 + random.int(4) }, () =>
        random.int(2) === 0 ? `${random.ipv4()}/${random.int(33)}` : `${random.ipv6()}/${random.int(129)}`,
      )
      const list = parseAddressList(entries, 'allowedIps')
      for (let j = 0; j < 10; j++) {
        // Half the addresses share the first range's leading bits, so matches happen often.
        const first = entries[0]!.split('/')[0]!
        const address = random.int(2) === 0 ? first : random.int(2) === 0 ? random.ipv4() : random.ipv6()
        expect(list.contains(address), `${address} in ${entries.join(', ')}`).toBe(referenceContains(entries, address))
      }
    }
  })
})
