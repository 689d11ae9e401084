import { defineAccessRules, listAccessRules, type AccessLevel } from '@checkpost/contract'
import { describe, expect, it } from 'vitest'
import { createEscalationGuard } from './escalation-guard.ts'
import type { Identity } from './identity.ts'
import { NO_RESOURCE_ACCESS, type ResourceAccessView } from './resource-access.ts'

const rules = listAccessRules({
  ...defineAccessRules('catalog', { catalog: { read: 'r', manage: 'm' } }),
  ...defineAccessRules('incident', { incident: { read: 'r', manage: 'm' } }),
})
const byId = (id: string) => rules.find((rule) => rule.id === id)!
const SYSTEM = 'catalog.system'
const instanceRules = new Map([
  [SYSTEM, { read: [byId('catalog.catalog.read'), byId('incident.incident.read')], manage: [byId('catalog.catalog.manage'), byId('incident.incident.manage')] }],
])
const guard = createEscalationGuard({ accessRules: rules, resourceTypes: new Map(), instanceRules })

function identity(held: string[], access: ResourceAccessView = NO_RESOURCE_ACCESS, teamIds: string[] = []): Identity {
  return { kind: 'application', id: 'caller', name: 'caller', rules: new Set(held), teamIds: new Set(teamIds), resourceAccess: access }
}

/** A view where team `t1` holds `level` on system `s1`, and `s1` is team-only when asked. */
function grantedView(level: AccessLevel, teamOnly = false): ResourceAccessView {
  return {
    isTeamOnly: (_, id) => teamOnly && id === 's1',
    hasTeamOnly: () => teamOnly,
    teamLevel: (_, id, teams) => (id === 's1' && teams.has('t1') ? level : undefined),
  }
}

const check = (id: Identity) => guard(id, undefined as never)
const grant = (level: AccessLevel) => [{ resourceType: SYSTEM, resourceId: 's1', level }]

describe('escalation guard', () => {
  it('lets the admin wildcard hand out anything, `*` included', () => {
    expect(() => check(identity(['*'])).assertHoldsRules(['*', 'catalog.catalog.manage'])).not.toThrow()
  })

  it('refuses `*` to anyone but an admin, naming it', () => {
    expect(() => check(identity(['catalog.catalog.manage'])).assertHoldsRules(['*'])).toThrow('Cannot grant access you do not hold: *')
  })

  it('counts a held manage rule as holding its read rule', () => {
    expect(() => check(identity(['catalog.catalog.manage'])).assertHoldsRules(['catalog.catalog.read'])).not.toThrow()
  })

  it('refuses a read holder giving the manage rule, and an unknown rule', () => {
    const caller = check(identity(['catalog.catalog.read']))
    expect(() => caller.assertHoldsRules(['catalog.catalog.manage'])).toThrow('Cannot grant access you do not hold: catalog.catalog.manage')
    expect(() => caller.assertHoldsRules(['planet.planet.read'])).toThrow('Cannot grant access you do not hold: planet.planet.read')
  })

  it('reaches a system globally only when holding the rules of every plugin a grant opens', () => {
    expect(() => check(identity(['catalog.catalog.manage'])).assertReachesGrants(grant('read'))).toThrow('Cannot grant access you do not hold: catalog.system')
    expect(() => check(identity(['catalog.catalog.read', 'incident.incident.read'])).assertReachesGrants(grant('read'))).not.toThrow()
    expect(() => check(identity(['catalog.catalog.read', 'incident.incident.read'])).assertReachesGrants(grant('manage'))).toThrow()
  })

  it('reaches a system through a team grant at that level, even team-only', () => {
    expect(() => check(identity([], grantedView('manage', true), ['t1'])).assertReachesGrants(grant('manage'))).not.toThrow()
    expect(() => check(identity([], grantedView('read', true), ['t1'])).assertReachesGrants(grant('manage'))).toThrow()
  })

  it('does not let global rules reach a team-only system', () => {
    const globalOnly = identity(['catalog.catalog.manage', 'incident.incident.manage'], grantedView('manage', true))
    expect(() => check(globalOnly).assertReachesGrants(grant('read'))).toThrow()
  })

  it('refuses acting on an identity stronger by a rule or by a team grant', () => {
    const caller = check(identity(['catalog.catalog.read', 'incident.incident.read']))
    expect(() => caller.assertNotStronger({ rules: ['catalog.catalog.read'], grants: [] })).not.toThrow()
    expect(() => caller.assertNotStronger({ rules: ['*'], grants: [] })).toThrow('Cannot grant access you do not hold: *')
    expect(() => caller.assertNotStronger({ rules: [], grants: grant('manage') })).toThrow('Cannot grant access you do not hold: catalog.system')
  })
})
