import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import { crc32 } from 'node:zlib'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const RANDOM_LENGTH = 37
const CHECKSUM_LENGTH = 6
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** A parsed key: the id it names and its secret (random part plus checksum). */
export interface ParsedApiKey {
  readonly id: string
  readonly secret: string
}

/** Mints and parses `{prefix}_{uuid}_{secret}` keys with DESIGN.md's checksum. */
export interface ApiKeyFormat {
  /** A fresh full key for `id`, and its secret part. */
  mint(id: string): { key: string; secret: string }
  /** The key in a `Bearer` header, or undefined when malformed or its checksum is wrong. */
  parseBearer(header: string): ParsedApiKey | undefined
}

/**
 * Key format generic over its prefix (`ck`, `cku`): 37 CSPRNG base62 characters,
 * then CRC-32 (IEEE) of everything before it as 6 base62 digits, so scanners and
 * the server tell a real key from noise offline.
 * @example const userKeys = createApiKeyFormat('cku'); userKeys.mint(keyId).key // 'cku_{keyId}_…'
 */
export function createApiKeyFormat(prefix: string): ApiKeyFormat {
  if (!/^[a-z]+$/.test(prefix)) throw new Error(`Invalid key prefix "${prefix}"`)
  const pattern = new RegExp(`^${prefix}_(${UUID})_([0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}})$`)
  return {
    mint(id) {
      let random = ''
      for (let i = 0; i < RANDOM_LENGTH; i++) random += BASE62[randomInt(BASE62.length)]
      const body = `${prefix}_${id}_${random}`
      const secret = random + checksumOf(body)
      return { key: `${prefix}_${id}_${secret}`, secret }
    },
    parseBearer(header) {
      if (header.length > 400) return undefined
      const match = /^bearer\s+(\S+)\s*$/i.exec(header.trim())
      const parts = match ? pattern.exec(match[1]!) : null
      if (!parts) return undefined
      const secret = parts[2]!
      const random = secret.slice(0, RANDOM_LENGTH)
      if (checksumOf(`${prefix}_${parts[1]}_${random}`) !== secret.slice(RANDOM_LENGTH)) return undefined
      return { id: parts[1]!, secret }
    },
  }
}

/** CRC-32 of the UTF-8 bytes, base62, most significant digit first, left-padded with `0`. */
export function checksumOf(text: string): string {
  let value = crc32(Buffer.from(text, 'utf8'))
  let digits = ''
  while (value > 0) {
    digits = BASE62[value % 62] + digits
    value = Math.floor(value / 62)
  }
  return digits.padStart(CHECKSUM_LENGTH, '0')
}

/** SHA-256 hex of a secret: what is stored, never the secret. */
export function hashApiSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameApiSecretHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}
