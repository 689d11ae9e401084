import { USER_AUDIT_ACTIONS as ACTIONS, type User, type UserApiKey } from '@checkpost/auth-users-contract'
import type { AuditEvent } from '@checkpost/server'

/** The user a change is about: its id and name (the email when the change is its creation). */
type UserRef = Pick<User, 'id' | 'name'>

const target = (user: UserRef) => ({ type: 'user', id: user.id, name: user.name })

/**
 * Audit events of user changes, shared by the router and the CLI so both write
 * the same entries. `changes` hold names, roles and flags, never a password or hash.
 */
export const userAuditEvents = {
  created: (user: Pick<User, 'id' | 'name' | 'email' | 'roles'>): AuditEvent => ({
    action: ACTIONS.created,
    target: target(user),
    changes: { email: user.email, name: user.name, roleIds: user.roles },
  }),
  updated: (user: UserRef, changes: { name?: string; disabled?: boolean }): AuditEvent => ({ action: ACTIONS.updated, target: target(user), changes }),
  deleted: (user: UserRef): AuditEvent => ({ action: ACTIONS.deleted, target: target(user) }),
  rolesSet: (user: UserRef, roleIds: readonly string[]): AuditEvent => ({ action: ACTIONS.rolesSet, target: target(user), changes: { roleIds: [...roleIds] } }),
  passwordChanged: (user: UserRef): AuditEvent => ({ action: ACTIONS.passwordChanged, target: target(user) }),
  apiKeyCreated: (user: UserRef, key: Pick<UserApiKey, 'id' | 'name' | 'expiresAt'>): AuditEvent => ({
    action: ACTIONS.apiKeyCreated,
    target: target(user),
    changes: { keyId: key.id, name: key.name, expiresAt: key.expiresAt },
  }),
  apiKeyDeleted: (user: UserRef, key: Pick<UserApiKey, 'id' | 'name'>): AuditEvent => ({
    action: ACTIONS.apiKeyDeleted,
    target: target(user),
    changes: { keyId: key.id, name: key.name },
  }),
}
