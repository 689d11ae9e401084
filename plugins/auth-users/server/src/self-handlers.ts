import type { AuthUsersTables } from './tables.ts'
import { randomUUID } from 'node:crypto'
import { authUsersContract } from '@checkpost/auth-users-contract'
import { DomainError } from '@checkpost/contract'
import { hashApiSecret, implementPlugin, orNotFound, WireError, type Identity, type PluginContext, type PluginDeps, type RbacDirectory } from '@checkpost/server'
import { hashPassword, verifyPassword } from './password-hash.ts'
import type { SignInLimiter } from './sign-in-limiter.ts'
import { userAuditEvents as events } from './user-audit-events.ts'
import { findUser } from './user-service.ts'
import { userKeyFormat } from './user-key-authenticator.ts'
import { deleteKeyOf, insertKey, listKeysOf } from './user-key-repository.ts'
import { deleteSessionsOf, passwordHashOf, setPasswordHash } from './user-repository.ts'

/** The signed-in user's own procedures: no rule, but only a user, and only on itself. */
export function createSelfHandlers({ clock }: Pick<PluginDeps, 'clock'>, { rbac, limiter }: { rbac: RbacDirectory; limiter: SignInLimiter }) {
  const os = implementPlugin<AuthUsersTables>()(authUsersContract)
  const now = () => clock.now().toISOString()
  return {
    getCurrentUser: os.getCurrentUser.handler(async ({ context }) => {
      const user = orNotFound(await findUser(context.db, rbac, userIdOf(context.identity)), 'User')
      return { ...user, accessRules: [...context.identity.rules].sort() }
    }),
    changePassword: os.changePassword.handler(async ({ context, input }) => {
      const userId = userIdOf(context.identity)
      // A key cannot trade itself for the password (and so a session): as for minting keys.
      if (context.identity.credential !== 'session') throw new DomainError('FORBIDDEN', 'Changing the password needs a signed-in session, not a key')
      await checkCurrentPassword(context.db, { userId, password: input.currentPassword }, limiter)
      await setPasswordHash(context.db, userId, { passwordHash: await hashPassword(input.newPassword), at: now() })
      // Whoever else holds a session (a stolen cookie) is out; this one stays.
      await deleteSessionsOf(context.db, userId, context.identity.sessionId)
      await context.audit(events.passwordChanged(context.identity))
      return { success: true as const }
    }),
    getUserApiKeys: os.getUserApiKeys.handler(async ({ context }) => ({
      keys: await listKeysOf(context.db, userIdOf(context.identity)),
    })),
    createUserApiKey: os.createUserApiKey.handler(async ({ context, input }) => {
      const userId = userIdOf(context.identity)
      if (context.identity.credential !== 'session') throw new DomainError('FORBIDDEN', 'Creating an API key needs a signed-in session, not a key')
      const id = randomUUID()
      const { key, secret } = userKeyFormat.mint(id)
      const created = { id, name: input.name, createdAt: now(), expiresAt: input.expiresAt ?? null }
      await insertKey(context.db, { ...created, userId, secretHash: hashApiSecret(secret) })
      await context.audit(events.apiKeyCreated(context.identity, created))
      return { ...created, lastUsedAt: null, secret: key }
    }),
    deleteUserApiKey: os.deleteUserApiKey.handler(async ({ context, input }) => {
      const deleted = orNotFound(await deleteKeyOf(context.db, userIdOf(context.identity), input.keyId), 'API key')
      await context.audit(events.apiKeyDeleted(context.identity, deleted))
      return { success: true as const }
    }),
  }
}

function userIdOf(identity: Identity): string {
  if (identity.kind !== 'user') throw new DomainError('FORBIDDEN', 'Only a signed-in user has an account of its own (this is an application key)')
  return identity.id
}

/**
 * The current password must match; wrong guesses count in the sign-in limits
 * under the user's own id (not an address), so a stolen session cannot guess it
 * without limit, and the owner's sign-in elsewhere stays open.
 */
async function checkCurrentPassword(db: PluginContext['db'], attempt: { userId: string; password: string }, limiter: SignInLimiter): Promise<void> {
  const bucket = `user:${attempt.userId}`
  const wait = await limiter.retryAfter(bucket, attempt.userId)
  if (wait !== undefined) {
    throw new WireError({ code: 'TOO_MANY_REQUESTS', message: 'Too many wrong current passwords; try again later' }, { 'retry-after': String(wait) })
  }
  const stored = await passwordHashOf(db, attempt.userId)
  if (stored && (await verifyPassword(stored, attempt.password))) return limiter.succeeded(bucket, attempt.userId)
  await limiter.failed(bucket, attempt.userId)
  throw new DomainError('FORBIDDEN', 'Current password is wrong')
}
