import { hash, verify } from '@node-rs/argon2'

/** `Algorithm.Argon2id`; the enum is ambient-const and cannot be imported under verbatimModuleSyntax. */
const ARGON2ID = 2

/** argon2id hash of a password (the library's OWASP-level defaults: 19 MiB, t=2, p=1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

/** True when `password` matches the stored hash; false for a mismatch or an unreadable hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}
