import { createHash, timingSafeEqual } from 'node:crypto'

/** SHA-256 hex of a key's secret: what is stored, never the secret (DESIGN: a 220-bit secret needs no slow hash). */
export function hashApiSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Constant-time comparison of two hex digests; false when their lengths differ. */
export function sameApiSecretHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}
