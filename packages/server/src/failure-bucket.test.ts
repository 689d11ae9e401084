import { describe, expect, it } from 'vitest'
import { failureBucketOf } from './failure-bucket.ts'

describe('failureBucketOf', () => {
  it('keeps an IPv4 address (also written IPv4-mapped) as itself', () => {
    expect(failureBucketOf('203.0.113.7')).toBe('203.0.113.7')
    expect(failureBucketOf('::ffff:203.0.113.7')).toBe('203.0.113.7')
  })

  it('puts every address of one IPv6 /64 in the same bucket, and another /64 in another', () => {
    expect(failureBucketOf('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64')
    expect(failureBucketOf('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(failureBucketOf('2001:db8:1:3::7')).toBe('2001:db8:1:3::/64')
  })
})
