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
const MAX_HEADER_LENGTH = 400

/** A presented `{prefix}_{id}_{secret}` key, split. */
export interface ParsedApiKey {
  readonly id: string
  /** The part after the id: what is hashed and stored. */
  readonly secret: string
  /** Whether its last six characters are its checksum (keys issued before checksums are not). */
  readonly checksummed: boolean
}

/** Mints and reads keys of one prefix (`ck` for applications, `cku` for users). */
export interface ApiKeyFormat {
  readonly prefix: string
  /** What a secret scanner matches: `{prefix}_{uuid}_{43 base62}`, anchored. */
  readonly pattern: RegExp
  /** A fresh checksummed key for `id`, and its secret part (the stored hash is of `secret`). */
  mint(id: string): { key: string; secret: string }
  /**
   * Splits a key of this prefix: the checksummed form, or an older one (any
   * base62 secret of 32–256 characters, `checksummed: false`); undefined otherwise.
   */
  parse(key: string): ParsedApiKey | undefined
  /** `parse` of the key in an `Authorization: Bearer …` header (scheme in any case). */
  parseBearer(header: string | undefined): ParsedApiKey | undefined
}

/**
 * The key format of DESIGN.md "Identities and keys": `{prefix}_{uuid}_{secret}`,
 * the secret 37 CSPRNG base62 characters then the 6-character `checksumOf`
 * everything before it, so scanners and the server tell a real key from noise offline.
 * @example const userKeys = createApiKeyFormat('cku'); userKeys.mint(keyId).key // 'cku_{keyId}_…'
 */
export function createApiKeyFormat(prefix: string): ApiKeyFormat {
  if (!/^[a-z]+$/.test(prefix)) throw new Error(`Invalid key prefix "${prefix}"`)
  const any = new RegExp(`^${prefix}_(${UUID})_([0-9A-Za-z]{32,256})$`)
  const parse = (key: string): ParsedApiKey | undefined => {
    const match = any.exec(key)
    return match ? { id: match[1]!, secret: match[2]!, checksummed: key.length > SECRET_CHECKSUM_LENGTH && hasChecksum(key) } : undefined
  }
  return {
    prefix,
    pattern: new RegExp(`^${prefix}_(${UUID})_([0-9A-Za-z]{${SECRET_LENGTH}})$`),
    mint(id) {
      let random = ''
      // randomInt rejects out-of-range draws: no modulo bias.
      for (let i = 0; i < SECRET_RANDOM_LENGTH; i++) random += BASE62_ALPHABET[randomInt(62)]
      const body = `${prefix}_${id}_${random}`
      const secret = random + checksumOf(body)
      return { key: `${prefix}_${id}_${secret}`, secret }
    },
    parse,
    parseBearer(header) {
      const token = bearerToken(header)
      return token === undefined ? undefined : parse(token)
    },
  }
}

/**
 * CRC-32 (IEEE, as zlib's `crc32`) of the UTF-8 of `text`, in base62, most
 * significant digit first, left-padded with `0` to six characters.
 * @example checksumOf('123456789') // '3jZRME'
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

/** True when a key's last six characters are the checksum of everything before them. */
function hasChecksum(key: string): boolean {
  const split = key.length - SECRET_CHECKSUM_LENGTH
  return checksumOf(key.slice(0, split)) === key.slice(split)
}

/** The credential of an `Authorization: Bearer {key}` header of sane length, else undefined. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.length > MAX_HEADER_LENGTH) return undefined
  const match = /^bearer\s+(\S+)$/i.exec(header.trim())
  return match?.[1]
}
