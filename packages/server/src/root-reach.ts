import type { AccessLevel } from '@checkpost/contract'
import type { Identity } from './identity.ts'

/** How far a caller reaches one instance: fully, only to read, or not at all. */
export type Reach = 'ok' | 'read-only' | 'invisible'

/** What decides a caller's reach on a root instance, besides its teams. */
export interface ReachBasis {
  readonly identity: Identity
  readonly level: AccessLevel
  /** Holds the global rules that open every instance of the type for reading. */
  readonly globalRead: boolean
  /** Holds the global rules that open every instance of the type for changing. */
  readonly globalManage: boolean
  /** Holds `*` (the admin role): team-only settings do not lock it out. */
  readonly superuser: boolean
}

/**
 * Reach on one root instance (DESIGN: teams): a global rule (unless the
 * instance is team-only) OR a team grant at that level or higher.
 * @example rootReach({ identity, level: 'manage', globalRead, globalManage, superuser }, 'catalog.system', id)
 */
export function rootReach(basis: ReachBasis, type: string, id: string): Reach {
  const { identity } = basis
  const teamLevel = identity.resourceAccess.teamLevel(type, id, identity.teamIds)
  const open = basis.superuser || !identity.resourceAccess.isTeamOnly(type, id)
  const canRead = teamLevel !== undefined || (open && basis.globalRead)
  const canManage = teamLevel === 'manage' || (open && basis.globalManage)
  if (basis.level === 'read') return canRead ? 'ok' : 'invisible'
  return canManage ? 'ok' : canRead ? 'read-only' : 'invisible'
}
