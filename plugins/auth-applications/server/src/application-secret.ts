import { createHash, randomInt, timingSafeEqual } from 'node:crypto'

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const SECRET_LENGTH = 43 // ~256 bits of entropy
const KEY_PATTERN =
  /^ck_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9]{32,256})$/

/** A fresh base62 secret from the OS CSPRNG (unbiased: `randomInt` rejects out-of-range draws). */
export function generateSecret(): string {
  let secret = ''
  for (let i = 0; i < SECRET_LENGTH; i++) secret += BASE62[randomInt(BASE62.length)]
  return secret
}

/** The key a caller sends: `ck_{applicationId}_{secret}`. */
export function formatKey(applicationId: string, secret: string): string {
  return `ck_${applicationId}_${secret}`
}

/** A parsed `Authorization: Bearer ck_…` header. */
export interface ParsedKey {
  readonly applicationId: string
  readonly secret: string
}

/** Strict parse of the Authorization header; undefined for anything malformed. */
export function parseBearerKey(header: string | undefined): ParsedKey | undefined {
  if (header === undefined || header.length > 400) return undefined
  const space = header.indexOf(' ')
  if (space < 0 || header.slice(0, space).toLowerCase() !== 'bearer') return undefined
  const match = KEY_PATTERN.exec(header.slice(space + 1).trim())
  if (!match) return undefined
  return { applicationId: match[1]!, secret: match[2]! }
}

/** SHA-256 of a secret: what the verified-key cache compares, never the secret itself. */
export function digestSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest()
}

/** Constant-time equality of two digests. */
export function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}
