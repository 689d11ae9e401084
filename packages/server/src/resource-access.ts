import type { AccessLevel } from '@checkpost/contract'

/**
 * What the RBAC layer needs to know about team grants, as of the identity's
 * access version: which instances are team-only and what each team may do.
 */
export interface ResourceAccessView {
  /** True when the instance ignores global rules: only team grants open it. */
  isTeamOnly(resourceType: string, resourceId: string): boolean
  /** The highest level any of `teamIds` was granted on the instance. */
  teamLevel(resourceType: string, resourceId: string, teamIds: ReadonlySet<string>): AccessLevel | undefined
  /** True when some instance of the type is team-only (otherwise global holders need no filtering). */
  hasTeamOnly(resourceType: string): boolean
}

/** A view with no grants and nothing team-only. */
export const NO_RESOURCE_ACCESS: ResourceAccessView = {
  isTeamOnly: () => false,
  teamLevel: () => undefined,
  hasTeamOnly: () => false,
}
