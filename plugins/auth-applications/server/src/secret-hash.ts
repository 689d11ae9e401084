import * as crypto from 'node:crypto'
import { verify } from '@node-rs/argon2'

/** Stored hashes from before SHA-256 start like this (argon2id PHC strings). */
const LEGACY_PREFIX = '$argon2'

/**
 * The stored form of a secret: SHA-256, hex. 220 random bits need no slow hash
 * (DESIGN.md, as GitHub's and Unkey's keys).
 */
export function hashSecret(secret: string): string {
  return digestSecret(secret).toString('hex')
}

/**
 * SHA-256 of a presented secret, computed once per request. `crypto.hash`
 * (Node 20.12+) is one call, about 2 µs less than a `createHash` object per
 * request; older Node 20 releases take the long way.
 */
export const digestSecret: (secret: string) => Buffer =
  typeof crypto.hash === 'function'
    ? (secret) => crypto.hash('sha256', secret, 'buffer')
    : (secret) => crypto.createHash('sha256').update(secret).digest()

/** True for an argon2id hash stored before secrets moved to SHA-256. */
export function isLegacyHash(storedHash: string): boolean {
  return storedHash.startsWith(LEGACY_PREFIX)
}

/** A digest no secret has, compared against when there is no stored hash, so misses cost the same. */
const NO_MATCH = Buffer.alloc(32, 0xa5)

/** Constant-time check of a digest against a stored SHA-256 hash (or none: same work, false). */
export function matchesHash(storedHash: string | null | undefined, digest: Buffer): boolean {
  const stored = storedHash && !isLegacyHash(storedHash) ? Buffer.from(storedHash, 'hex') : undefined
  const same = crypto.timingSafeEqual(stored?.length === 32 ? stored : NO_MATCH, digest)
  return same && stored?.length === 32
}

/** argon2id check of a legacy hash; false for a mismatch or an unreadable hash. */
export async function verifyLegacySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret)
  } catch {
    return false
  }
}
