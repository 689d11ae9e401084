import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { apiKeyPattern, BASE62_ALPHABET, checksumOf, generateApiKey, hasValidChecksum, parseApiKey } from './api-key.ts'

const ID = 'a1b2c3d4-e5f6-4890-abcd-ef1234567890'

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

describe('api keys', () => {
  it('generates ck_{id}_{43 base62} keys whose last six characters are the CRC-32 of the rest', () => {
    for (let i = 0; i < 1000; i++) {
      const key = generateApiKey('ck', ID)
      expect(key).toMatch(apiKeyPattern('ck'))
      const secret = key.split('_').at(-1)!
      expect(secret).toHaveLength(43)
      expect(secret.slice(37)).toBe(referenceChecksum(key.slice(0, -6)))
      expect(hasValidChecksum(key)).toBe(true)
    }
  })

  it('matches known vectors (computed with Python zlib.crc32), most significant digit first, left-padded with 0', () => {
    expect(checksumOf('123456789')).toBe('3jZRME') // CRC-32 0xCBF43926, the IEEE check value
    expect(checksumOf(`ck_${ID}_${'A'.repeat(37)}`)).toBe('0JuWdr')
    expect(checksumOf('')).toBe('000000')
  })

  it('refuses a key with one character changed, in the random part or in the checksum', () => {
    const key = generateApiKey('cku', ID)
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1)
    expect(hasValidChecksum(flip(key, key.length - 10))).toBe(false)
    expect(hasValidChecksum(flip(key, key.length - 1))).toBe(false)
  })

  it('parses its own prefix only', () => {
    const key = generateApiKey('cku', ID)
    expect(parseApiKey('cku', key)).toEqual({ id: ID, secret: key.split('_').at(-1) })
    expect(parseApiKey('ck', key)).toBeUndefined()
  })
})
