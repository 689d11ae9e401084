import type { AccessLevel } from '@checkpost/contract'

/** One team grant: a level on one root resource instance. */
export interface ResourceGrant {
  readonly resourceType: string
  readonly resourceId: string
  readonly level: AccessLevel
}

/** What an identity holds: its rules and the grants of its teams. */
export interface HeldAccess {
  readonly rules: Iterable<string>
  readonly grants: readonly ResourceGrant[]
}

/** The five escalation rules, bound to one caller and the call's database. */
export interface EscalationCheck {
  /** Rules 1–2: throws 403 unless the caller holds every rule (`*` only if it holds `*`). */
  assertHoldsRules(ruleIds: Iterable<string>): void
  /** Rule 3: throws 403 unless the caller holds every rule and reaches every grant of `target`. */
  assertNotStronger(target: HeldAccess): void
  /** Rule 4: throws 404 for an absent or invisible instance, 403 when reached below `level`. */
  assertReaches(grant: ResourceGrant): Promise<void>
  /** Rule 5: throws 403 unless the caller reaches every grant (a team's, before joining it). */
  assertReachesGrants(grants: readonly ResourceGrant[]): void
}
