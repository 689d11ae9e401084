import { ALL_ACCESS, DomainError, grantsAccess, type AccessRule } from '@checkpost/contract'
import type { Kysely } from 'kysely'
import type { Identity } from './identity.ts'
import type { InstanceRules } from './instance-rules.ts'
import type { ResourceTypeDefinition } from './plugin.ts'
import type { EscalationCheck, HeldAccess, ResourceGrant } from './escalation-check.ts'
import { rootReach, type Reach } from './root-reach.ts'

export type { EscalationCheck, HeldAccess, ResourceGrant } from './escalation-check.ts'

/** The refusal prefix every escalation check uses (DESIGN: escalation). */
export const CANNOT_GRANT = 'Cannot grant access you do not hold'

/** What the escalation guard is built from, once per host. */
export interface EscalationGuardOptions {
  readonly accessRules: readonly AccessRule[]
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>
  readonly instanceRules: ReadonlyMap<string, InstanceRules>
}

/**
 * Builds, once, the escalation rules every plugin shares (DESIGN: "nobody hands
 * out what they do not hold"); per call, `forCall` binds them to the caller.
 * @example guard.forCall(identity, db).assertHoldsRules(['catalog.catalog.read'])
 */
export function createEscalationGuard({ accessRules, resourceTypes, instanceRules }: EscalationGuardOptions) {
  const rulesById = new Map(accessRules.map((rule) => [rule.id, rule]))

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return function forCall(identity: Identity, db: Kysely<any>): EscalationCheck {
    const superuser = identity.rules.has(ALL_ACCESS)
    const holds = (ruleId: string) => superuser || (ruleId !== ALL_ACCESS && held(identity, rulesById.get(ruleId)))

    /** `ok` at the grant's level; `read-only` when merely visible (any read rule, or a team); else `invisible`. */
    function reach(grant: ResourceGrant): Reach {
      if (superuser) return 'ok'
      const rules = instanceRules.get(grant.resourceType) ?? { read: [], manage: [] }
      const holdsAll = (list: readonly AccessRule[]) => list.length > 0 && list.every((rule) => grantsAccess(identity.rules, rule))
      const globalRead = holdsAll(rules.read)
      const basis = { identity, level: grant.level, globalRead, globalManage: globalRead && holdsAll(rules.manage), superuser }
      const reached = rootReach(basis, grant.resourceType, grant.resourceId)
      if (reached !== 'invisible') return reached
      const seesSome = rules.read.some((rule) => grantsAccess(identity.rules, rule))
      return rootReach({ ...basis, level: 'read', globalRead: seesSome }, grant.resourceType, grant.resourceId) === 'ok' ? 'read-only' : 'invisible'
    }

    function assertHoldsRules(ruleIds: Iterable<string>): void {
      for (const ruleId of ruleIds) if (!holds(ruleId)) throw refusal(ruleId)
    }

    function assertReachesGrants(grants: readonly ResourceGrant[]): void {
      for (const grant of grants) if (reach(grant) !== 'ok') throw refusal(grant.resourceType)
    }

    return {
      assertHoldsRules,
      assertReachesGrants,
      assertNotStronger(target) {
        assertHoldsRules(target.rules)
        assertReachesGrants(target.grants)
      },
      async assertReaches(grant) {
        const definition = resourceTypes.get(grant.resourceType)
        const label = definition?.label ?? 'Resource'
        const exists = (await definition?.existingIds?.(db, [grant.resourceId]))?.has(grant.resourceId) ?? false
        const reached = reach(grant)
        if (!exists || reached === 'invisible') throw new DomainError('NOT_FOUND', `${label} not found`)
        if (reached !== 'ok') throw refusal(grant.resourceType)
      },
    }
  }
}

/** `forCall` of an escalation guard. */
export type EscalationGuard = ReturnType<typeof createEscalationGuard>

function held(identity: Identity, rule: AccessRule | undefined): boolean {
  return rule !== undefined && grantsAccess(identity.rules, rule)
}

function refusal(what: string): DomainError {
  return new DomainError('FORBIDDEN', `${CANNOT_GRANT}: ${what}`)
}
