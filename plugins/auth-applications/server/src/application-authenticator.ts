import {
  createRequestLimiter,
  createWrongKeyLimiter,
  type AuthOutcome,
  type AuthRequest,
  type Authenticator,
  type Clock,
  type Logger,
} from '@checkpost/server'
import type { Database } from '@checkpost/db'
import { upgradeLegacyHash } from './application-repository.ts'
import { parsePresentedKey, type PresentedKey } from './application-secret.ts'
import { createIdentityLoader } from './identity-loader.ts'
import { createKeyAccessChecks } from './key-access-checks.ts'
import { createKeyLookup, type KeyRow } from './key-lookup.ts'
import { createLastUsedRecorder } from './last-used-recorder.ts'
import { createLegacyKeyIds } from './legacy-key-ids.ts'
import { createLegacyHashVerifier } from './legacy-hash-verifier.ts'
import { digestSecret, hashSecret, isLegacyHash, matchesHash } from './secret-hash.ts'

export interface ApplicationAuthenticatorOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
  /** `redis://…` for fleet-wide rate limits (CHECKPOST_REDIS_URL); unset = per process. */
  readonly redisUrl?: string
}

/**
 * Authenticates `Bearer ck_{applicationId}_{secret}`: a bad checksum is refused
 * before any lookup; otherwise one primary-key read, a SHA-256 of the secret and
 * a constant-time compare (an unknown id costs the same as a wrong secret). An
 * argon2id hash from before runs argon2 once, then is replaced by SHA-256.
 * Wrong keys count per source address only, never per application (`createWrongKeyLimiter`).
 */
export function createApplicationAuthenticator(options: ApplicationAuthenticatorOptions): Authenticator {
  const { database, clock, logger } = options
  const lookup = createKeyLookup(database)
  const legacyIds = createLegacyKeyIds(database)
  const verifyLegacy = createLegacyHashVerifier()
  const wrongKeys = createWrongKeyLimiter()
  const limiter = createRequestLimiter({ keyPrefix: 'checkpost:app-rate', logger, redisUrl: options.redisUrl })
  const checkKeyAccess = createKeyAccessChecks({ clock, limiter })
  const identityOf = createIdentityLoader(database)
  const lastUsed = createLastUsedRecorder(options)

  /**
   * True when the presented secret is the key's current one, or its previous one
   * within the overlap. Argon2 for a legacy hash runs only for a source under its
   * failure limit (`lockedOut` is asked only then: a matching SHA-256 never waits on the limiter).
   */
  async function secretMatches(row: KeyRow | undefined, key: PresentedKey, lockedOut: () => Promise<boolean>): Promise<boolean> {
    const digest = digestSecret(key.secret)
    const previousActive = row?.previous_secret_expires_at != null && Date.parse(row.previous_secret_expires_at) > clock.now().getTime()
    const current = matchesHash(row?.secret_hash, digest)
    const previous = matchesHash(previousActive ? row!.previous_secret_hash : null, digest)
    if (current || previous) return true
    const legacyCurrent = row !== undefined && isLegacyHash(row.secret_hash)
    const legacyPrevious = previousActive && row!.previous_secret_hash !== null && isLegacyHash(row!.previous_secret_hash)
    if (!(legacyCurrent || legacyPrevious) || (await lockedOut())) return false
    const secret = { text: key.secret, digest }
    if (legacyCurrent && (await verifyLegacy(row!.secret_hash, secret))) {
      await upgradeLegacyHash(database.db, row!.id, { legacy: row!.secret_hash, sha256: hashSecret(key.secret) })
      return true
    }
    return legacyPrevious && verifyLegacy(row!.previous_secret_hash!, secret)
  }

  async function authenticate(request: AuthRequest): Promise<AuthOutcome | undefined> {
    const { authorization } = request
    if (!authorization || !isApplicationCredential(authorization)) return undefined
    const key = parsePresentedKey(authorization)
    if (!key) return { ok: false, code: 'UNAUTHORIZED', message: malformedMessage(authorization) }
    // A valid key is served even from a source over its failure limit (a NAT
    // shared with a guesser): the limiter is asked only about wrong keys (and
    // before argon2 for legacy hashes), so valid requests never wait on it.
    if (!key.checksummed && !(await legacyIds.has(key.applicationId))) return wrongKeys.refuse(request.clientIp)
    const row = await lookup(key.applicationId)
    const lockedOut = () => wrongKeys.isLockedOut(request.clientIp)
    if (!(await secretMatches(row, key, lockedOut))) return wrongKeys.refuse(request.clientIp)
    if (Number(row!.key_checksummed) === 1) legacyIds.forget(row!.id)
    const verdict = await checkKeyAccess(row!, request.clientIp)
    if (verdict.refusal) return verdict.refusal
    const identity = await identityOf(row!)
    lastUsed.touch(row!.id, { stored: { at: row!.last_used_at, ip: row!.last_used_ip }, ip: request.clientIp })
    return { ok: true, identity, headers: verdict.headers }
  }

  return {
    authenticate,
    flush: async () => {
      await lastUsed.flush()
      await limiter.close()
      logger.debug('authenticator flushed')
    },
  }
}

/**
 * True for a header this authenticator answers: anything but another kind's
 * bearer credential (user keys `cku_…`), so malformed headers still get our message.
 */
function isApplicationCredential(authorization: string): boolean {
  return !/^bearer\s+cku_/i.test(authorization.trim())
}

/** Says what is wrong with a header that does not parse, without echoing it. */
function malformedMessage(authorization: string): string {
  if (authorization.startsWith('ck_')) return 'Malformed API key: use the Bearer scheme (Authorization: Bearer ck_…)'
  return 'Malformed API key (expected Authorization: Bearer ck_{applicationId}_{secret})'
}
