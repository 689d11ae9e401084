import { randomUUID } from 'node:crypto'
import type { Database } from '@checkpost/db'
import type { Logger } from '@checkpost/server'
import type { Kysely } from 'kysely'
import { hashPassword, verifyPassword } from './password-hash.ts'
import type { AuthUsersTables } from './tables.ts'

export interface SessionAuthOptions {
  readonly database: Database
  readonly logger: Logger
  /** Sessions end this long after their last refresh (sliding). */
  readonly expiresInSeconds: number
  /** A request this long after the last refresh extends the session. */
  readonly updateAgeSeconds: number
}

const STAMPS = { createdAt: 'created_at', updatedAt: 'updated_at' } as const

/**
 * better-auth over our Kysely database, on better-auth's own tables with our
 * names. It runs in its "sqlite" data mode on both engines: ISO-text dates and
 * 0/1 booleans, as every Checkpost table stores them. Sign-up is off: users are
 * created by admins (createUser) and the CLI.
 *
 * better-auth is imported here, on the first session request, not when the
 * server starts: its modules' own start-up (~25 ms) is no part of the first
 * answer to a key.
 */
export async function createSessionAuth(options: SessionAuthOptions, secret: string) {
  const db = options.database.db as Kysely<AuthUsersTables>
  const { betterAuth } = await import('better-auth')
  return betterAuth({
    secret,
    basePath: '/auth',
    database: { db, type: 'sqlite' },
    telemetry: { enabled: false },
    rateLimit: { enabled: false }, // ours is per address and email (sign-in-limiter.ts)
    logger: { log: (level, message) => options.logger.debug('better-auth', { level, message }) },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    user: {
      modelName: 'auth_users_users',
      fields: { ...STAMPS, emailVerified: 'email_verified' },
      additionalFields: { disabled: { type: 'boolean', input: false, defaultValue: false, required: false } },
    },
    session: {
      modelName: 'auth_users_sessions',
      fields: { ...STAMPS, userId: 'user_id', expiresAt: 'expires_at', ipAddress: 'ip_address', userAgent: 'user_agent' },
      expiresIn: options.expiresInSeconds,
      updateAge: options.updateAgeSeconds,
    },
    account: {
      modelName: 'auth_users_accounts',
      fields: {
        ...STAMPS,
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
      },
    },
    verification: { modelName: 'auth_users_verifications', fields: { ...STAMPS, expiresAt: 'expires_at' } },
    advanced: {
      cookiePrefix: 'checkpost',
      database: { generateId: () => randomUUID() },
      // Origins are checked by our routes and authenticator (Origin against Host).
      disableOriginCheck: true,
      disableCSRFCheck: true,
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user gets no session (the sign-in route answers as for a wrong password).
          before: async (session) => {
            const user = await db.selectFrom('auth_users_users').select('disabled').where('id', '=', session.userId).executeTakeFirst()
            return user && Number(user.disabled) === 0 ? undefined : false
          },
        },
      },
    },
  })
}

/** The better-auth instance of one host. */
export type SessionAuth = Awaited<ReturnType<typeof createSessionAuth>>

/** The session cookie's name (better-auth's `{prefix}.session_token`). */
export const SESSION_COOKIE = 'checkpost.session_token'
