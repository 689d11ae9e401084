import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { BASE62_ALPHABET, checksumOf, createApiKeyFormat } from './api-key.ts'

const ID = 'a1b2c3d4-e5f6-4890-abcd-ef1234567890'
const applicationKeys = createApiKeyFormat('ck')
const userKeys = createApiKeyFormat('cku')

/** The rule as DESIGN.md states it, written independently: base62 of CRC-32, MSD first, padded to 6. */
function referenceChecksum(text: string): string {
  let value = crc32(Buffer.from(text, 'utf8'))
  let out = ''
  do {
    out = BASE62_ALPHABET[value % 62] + out
    value = Math.floor(value / 62)
  } while (value > 0)
  return out.padStart(6, '0')
}

const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1)

describe('api keys', () => {
  it('mints ck_{id}_{43 base62} keys whose last six characters are the CRC-32 of the rest', () => {
    for (let i = 0; i < 1000; i++) {
      const { key, secret } = applicationKeys.mint(ID)
      expect(key).toMatch(applicationKeys.pattern)
      expect(key.endsWith(`_${secret}`)).toBe(true)
      expect(secret).toHaveLength(43)
      expect(secret.slice(37)).toBe(referenceChecksum(key.slice(0, -6)))
      expect(applicationKeys.parse(key)).toEqual({ id: ID, secret, checksummed: true })
    }
  })

  it('matches known vectors (computed with Python zlib.crc32), most significant digit first, left-padded with 0', () => {
    expect(checksumOf('123456789')).toBe('3jZRME') // CRC-32 0xCBF43926, the IEEE check value
    expect(checksumOf(`ck_${ID}_${'A'.repeat(37)}`)).toBe('0JuWdr')
    expect(checksumOf('')).toBe('000000')
  })

  it('marks a key with one character changed, in the random part or in the checksum, as not checksummed', () => {
    const { key } = userKeys.mint(ID)
    expect(userKeys.parse(flip(key, key.length - 10))?.checksummed).toBe(false)
    expect(userKeys.parse(flip(key, key.length - 1))?.checksummed).toBe(false)
  })

  it('parses its own prefix only', () => {
    const { key, secret } = userKeys.mint(ID)
    expect(userKeys.parse(key)).toEqual({ id: ID, secret, checksummed: true })
    expect(applicationKeys.parse(key)).toBeUndefined()
  })

  it('reads a Bearer header with the scheme in any case, and nothing else', () => {
    const { key, secret } = applicationKeys.mint(ID)
    expect(applicationKeys.parseBearer(`bEaReR ${key}`)).toEqual({ id: ID, secret, checksummed: true })
    expect(applicationKeys.parseBearer(`Basic ${key}`)).toBeUndefined()
    expect(applicationKeys.parseBearer(`Bearer ${key} extra`)).toBeUndefined()
    expect(applicationKeys.parseBearer(`Bearer ${key}${'x'.repeat(400)}`)).toBeUndefined()
    expect(applicationKeys.parseBearer(undefined)).toBeUndefined()
  })

  it('keeps accepting the shape of keys issued before checksums, as not checksummed', () => {
    const legacy = `ck_${ID}_${'Zq3xW9pL2mN8vR4tY6uK1jH5gF7dS0aQ'}`
    expect(applicationKeys.parse(legacy)).toEqual({ id: ID, secret: 'Zq3xW9pL2mN8vR4tY6uK1jH5gF7dS0aQ', checksummed: false })
    expect(applicationKeys.pattern.test(legacy)).toBe(false)
  })
})
