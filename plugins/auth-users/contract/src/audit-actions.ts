/**
 * Audit actions the auth-users plugin writes (DESIGN "Audit log": `{resource}.{verb}`);
 * entries are read through auth-applications' getAuditLog.
 */
export const USER_AUDIT_ACTIONS = {
  created: 'user.created',
  updated: 'user.updated',
  deleted: 'user.deleted',
  rolesSet: 'user.roles_set',
  passwordChanged: 'user.password_changed',
  apiKeyCreated: 'user.api_key_created',
  apiKeyDeleted: 'user.api_key_deleted',
} as const

export type UserAuditAction = (typeof USER_AUDIT_ACTIONS)[keyof typeof USER_AUDIT_ACTIONS]
