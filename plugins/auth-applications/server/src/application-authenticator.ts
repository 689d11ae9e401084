import type { AuthOutcome, Authenticator, Clock, Identity, Logger, ResourceAccessView } from '@checkpost/server'
import { prepareQuery, type Database } from '@checkpost/db'
import { sql, type Kysely } from 'kysely'
import { createArgonGate, type ArgonGateOptions } from './argon-gate.ts'
import { digestSecret, parseBearerKey, sameDigest, type ParsedKey } from './application-secret.ts'
import { createLastUsedRecorder } from './last-used-recorder.ts'
import { loadAccessSnapshot } from './access-snapshot.ts'
import { rulesOfApplication } from './role-repository.ts'
import { teamIdsOfApplications } from './team-repository.ts'
import { createBoundedCache } from './bounded-cache.ts'
import { verifySecret } from './secret-hash.ts'
import type { AuthApplicationsTables } from './tables.ts'

export interface ApplicationAuthenticatorOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
  readonly gate?: ArgonGateOptions
}

interface KeyRow {
  id: string
  name: string
  secret_hash: string
  last_used_at: string | null
  access_version: number | string
}

interface VerifiedKey {
  readonly secretHash: string
  readonly digest: Buffer
}

interface CachedIdentity {
  readonly version: number
  readonly identity: Identity
}

const CACHE_SIZE = 100_000
const INVALID = 'Invalid API key'

/**
 * Authenticates `Bearer ck_{applicationId}_{secret}` with one primary-key read
 * per request. That read returns the stored hash and the access version, so a
 * regenerated or deleted key, or any role change, is seen on the next request
 * by every process sharing the database; argon2 runs only for a secret not yet
 * verified against the current hash.
 */
export function createApplicationAuthenticator(options: ApplicationAuthenticatorOptions): Authenticator {
  const { database, logger } = options
  const gate = createArgonGate(options.gate)
  const lastUsed = createLastUsedRecorder(options)
  const verified = createBoundedCache<string, VerifiedKey>(CACHE_SIZE)
  const identities = createBoundedCache<string, CachedIdentity>(CACHE_SIZE)
  const inFlight = new Map<string, Promise<boolean>>()
  const lookup = prepareQuery((db, p: (name: 'id') => string) =>
    (db as Kysely<AuthApplicationsTables>)
      .selectFrom('auth_applications_applications as a')
      .select(['a.id', 'a.name', 'a.secret_hash', 'a.last_used_at'])
      .select((eb) =>
        eb.selectFrom('auth_applications_state').select('access_version').where('id', '=', sql.lit(1)).as('access_version'),
      )
      .where('a.id', '=', p('id')),
  )

  async function verify(row: KeyRow, key: ParsedKey, digest: Buffer): Promise<AuthOutcome | undefined> {
    const known = verified.get(row.id)
    if (known && known.secretHash === row.secret_hash && sameDigest(known.digest, digest)) return undefined
    const refusal = gate.refusalFor(row.id)
    if (refusal) {
      const message = refusal.reason === 'throttled' ? 'Too many failed attempts for this application' : 'Too many key verifications in progress'
      return { ok: false, code: 'TOO_MANY_REQUESTS', message, retryAfterSeconds: refusal.retryAfterSeconds }
    }
    // Concurrent first requests with the same key share one argon2 run.
    const flightKey = `${row.id}:${row.secret_hash}:${digest.toString('base64')}`
    let pending = inFlight.get(flightKey)
    if (!pending) {
      pending = gate.run(() => verifySecret(row.secret_hash, key.secret)).finally(() => inFlight.delete(flightKey))
      inFlight.set(flightKey, pending)
    }
    if (!(await pending)) {
      gate.recordFailure(row.id)
      return { ok: false, code: 'UNAUTHORIZED', message: INVALID }
    }
    gate.clearFailures(row.id)
    verified.set(row.id, { secretHash: row.secret_hash, digest })
    return undefined
  }

  // Grants are shared by every identity of one access version: load them once per version.
  let snapshot: { version: number; view: Promise<ResourceAccessView> } | undefined
  function resourceAccessAt(version: number): Promise<ResourceAccessView> {
    if (snapshot?.version !== version) {
      const view = loadAccessSnapshot(database.db)
      snapshot = { version, view }
      view.catch(() => (snapshot = undefined))
    }
    return snapshot.view
  }

  async function identityOf(row: KeyRow): Promise<Identity> {
    const version = Number(row.access_version)
    const cached = identities.get(row.id)
    if (cached && cached.version === version) return cached.identity
    const [rules, teams, resourceAccess] = await Promise.all([
      rulesOfApplication(database.db, row.id),
      teamIdsOfApplications(database.db, [row.id]),
      resourceAccessAt(version),
    ])
    const identity: Identity = {
      kind: 'application',
      id: row.id,
      name: row.name,
      rules: new Set(rules),
      teamIds: new Set(teams.get(row.id) ?? []),
      resourceAccess,
    }
    identities.set(row.id, { version, identity })
    return identity
  }

  return {
    async authenticate({ authorization }) {
      if (!authorization || !isApplicationCredential(authorization)) return undefined
      const key = parseBearerKey(authorization)
      if (!key) return { ok: false, code: 'UNAUTHORIZED', message: malformedMessage(authorization) }
      const [row] = (await lookup.execute(database.db, { id: key.applicationId })) as KeyRow[]
      if (!row) return { ok: false, code: 'UNAUTHORIZED', message: INVALID }
      const refusal = await verify(row, key, digestSecret(key.secret))
      if (refusal) return refusal
      const identity = await identityOf(row)
      lastUsed.touch(row.id, row.last_used_at)
      return { ok: true, identity }
    },
    flush: async () => {
      await lastUsed.flush()
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
