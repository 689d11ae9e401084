/**
 * The audit actions the host writes today, `{resource}.{verb}` (DESIGN: audit log).
 * `getAuditLog`'s `action` filter accepts any such name; this list is what a
 * console offers to pick from.
 */
export const AUDIT_ACTIONS = [
  'application.created',
  'application.updated',
  'application.secret_regenerated',
  'application.previous_secret_revoked',
  'application.deleted',
  'application.roles_set',
  'role.created',
  'role.updated',
  'role.deleted',
  'team.created',
  'team.updated',
  'team.deleted',
  'team.member_added',
  'team.member_removed',
  'grant.set',
  'grant.removed',
  'access_settings.set',
] as const

/** One of the known audit actions. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]
