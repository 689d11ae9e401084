import { createBoundedCache } from '@checkpost/server'
import { verifyLegacySecret } from './secret-hash.ts'

/** argon2 verifications running at once; more wait their turn. */
const CONCURRENCY = 2
const CACHE_SIZE = 10_000

/**
 * Checks secrets against argon2id hashes stored before SHA-256. Each runs at
 * most once per (hash, secret): concurrent first uses share one run, and a
 * success is remembered (by the secret's SHA-256), for a previous secret that
 * stays argon2id during a rotation overlap. At most two run at once, so a
 * flood on legacy keys cannot take every core; the per-address failure limit
 * bounds how many one source can start.
 */
export function createLegacyHashVerifier() {
  const verified = createBoundedCache<string, true>(CACHE_SIZE)
  const inFlight = new Map<string, Promise<boolean>>()
  const waiting: Array<() => void> = []
  let running = 0

  async function limited(work: () => Promise<boolean>): Promise<boolean> {
    if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await work()
    } finally {
      running--
      waiting.shift()?.()
    }
  }

  return async function verifyLegacy(storedHash: string, secret: { text: string; digest: Buffer }): Promise<boolean> {
    const key = `${storedHash}\u0000${secret.digest.toString('base64')}`
    if (verified.get(key)) return true
    let pending = inFlight.get(key)
    if (!pending) {
      pending = limited(() => verifyLegacySecret(storedHash, secret.text)).finally(() => inFlight.delete(key))
      inFlight.set(key, pending)
    }
    const ok = await pending
    if (ok) verified.set(key, true)
    return ok
  }
}

export type LegacyHashVerifier = ReturnType<typeof createLegacyHashVerifier>
