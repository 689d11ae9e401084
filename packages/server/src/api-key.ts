import { randomInt } from 'node:crypto'
import { crc32 } from 'node:zlib'

/** Base62 digits in value order: `0-9A-Za-z`. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** Random characters in a secret (37 × log2(62) ≈ 220 bits). */
export const SECRET_RANDOM_LENGTH = 37
/** Checksum characters at the end of a secret. */
export const SECRET_CHECKSUM_LENGTH = 6
/** Characters in a whole secret. */
export const SECRET_LENGTH = SECRET_RANDOM_LENGTH + SECRET_CHECKSUM_LENGTH

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** The parts of a `{prefix}_{id}_{secret}` key. */
export interface ApiKeyParts {
  readonly id: string
  readonly secret: string
}

/**
 * CRC-32 (IEEE, as zlib's `crc32`) of the UTF-8 of `text`, in base62, most
 * significant digit first, left-padded with `0` to six characters.
 * @example checksumOf('ck_…_{37 chars}') // '2lkCB1'
 */
export function checksumOf(text: string): string {
  let value = crc32(Buffer.from(text, 'utf8'))
  let digits = ''
  for (let i = 0; i < SECRET_CHECKSUM_LENGTH; i++) {
    digits = BASE62_ALPHABET[value % 62]! + digits
    value = Math.floor(value / 62)
  }
  return digits
}

/**
 * A new key `{prefix}_{id}_{secret}`: 37 base62 characters from the OS CSPRNG
 * (`randomInt` rejects out-of-range draws, so no bias), then the checksum.
 * @example generateApiKey('ck', applicationId)
 */
export function generateApiKey(prefix: string, id: string): string {
  let random = ''
  for (let i = 0; i < SECRET_RANDOM_LENGTH; i++) random += BASE62_ALPHABET[randomInt(62)]
  const body = `${prefix}_${id}_${random}`
  return body + checksumOf(body)
}

/** True when a key's last six characters are the checksum of everything before them. */
export function hasValidChecksum(key: string): boolean {
  if (key.length <= SECRET_CHECKSUM_LENGTH) return false
  const split = key.length - SECRET_CHECKSUM_LENGTH
  return checksumOf(key.slice(0, split)) === key.slice(split)
}

/**
 * The regular expression a secret scanner can use for keys with `prefix`
 * (UUID id, 43-character base62 secret).
 * @example apiKeyPattern('ck').test(key)
 */
export function apiKeyPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}_(${UUID})_([0-9A-Za-z]{${SECRET_LENGTH}})$`)
}

const legacyPatterns = new Map<string, RegExp>()

/** Keys issued before the checksum: same shape, any base62 secret of 32–256 characters. */
function legacyKeyPattern(prefix: string): RegExp {
  let pattern = legacyPatterns.get(prefix)
  if (!pattern) {
    pattern = new RegExp(`^${prefix}_(${UUID})_([0-9A-Za-z]{32,256})$`)
    legacyPatterns.set(prefix, pattern)
  }
  return pattern
}

/**
 * Parses `{prefix}_{id}_{secret}` (the checksummed form or an older one); undefined
 * for anything else. Whether the checksum holds is `hasValidChecksum`'s question.
 */
export function parseApiKey(prefix: string, key: string): ApiKeyParts | undefined {
  const match = legacyKeyPattern(prefix).exec(key)
  return match ? { id: match[1]!, secret: match[2]! } : undefined
}

/**
 * The key of an `Authorization: Bearer {key}` header (scheme in any case), or
 * undefined when the header is not a bearer credential of sane length.
 */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.length > 400) return undefined
  const space = header.indexOf(' ')
  if (space < 0 || header.slice(0, space).toLowerCase() !== 'bearer') return undefined
  return header.slice(space + 1).trim()
}
