import { catalogPlugin } from '@checkpost/catalog-server'
import { createTestHost, type TestHost } from '@checkpost/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { excessOf, profileOf, readWorld, type AccessProfile } from './support/access-profile.ts'

const RULES = [
  'auth-applications.applications.read',
  'auth-applications.applications.manage',
  'auth-applications.roles.read',
  'auth-applications.roles.manage',
  'auth-applications.teams.read',
  'auth-applications.teams.manage',
  'catalog.catalog.read',
  'catalog.catalog.manage',
]
const OPS = [
  'createRole',
  'updateRole',
  'createApplication',
  'setApplicationRoles',
  'regenerateApplicationSecret',
  'deleteApplication',
  'createTeam',
  'addTeamMember',
  'setResourceTeamAccess',
  'setResourceAccessSettings',
] as const
const NUM_RUNS = Number(process.env.CHECKPOST_ESCALATION_RUNS ?? 20)

const level = fc.constantFrom('none', 'read', 'manage')
const step = fc.record({
  op: fc.constantFrom(...OPS),
  caller: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  rules: fc.subarray([...RULES, '*']),
  roles: fc.array(fc.nat(), { maxLength: 3 }),
  flag: fc.boolean(),
  manage: fc.boolean(),
})
const scenario = fc.record({
  startRules: fc.subarray(RULES, { minLength: 1 }),
  startTeam: fc.record({ open: level, teamOnly: level }),
  steps: fc.array(step, { minLength: 1, maxLength: 8 }),
})
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never
type Step = Scenario['steps'][number]

/** The installation every run starts from, and the pools steps pick their arguments from. */
async function seed(t: TestHost, { startRules, startTeam }: Scenario) {
  const admin = async (plugin: string, body: Record<string, unknown>) =>
    (await t.call(`${plugin}/`, { key: t.adminKey, body })).body[Object.keys(body)[0]!]
  const open = (await admin('catalog', { createSystem: { name: 'open' } })).id as string
  const guarded = (await admin('catalog', { createSystem: { name: 'team-only' } })).id as string
  await admin('auth-applications', { setResourceAccessSettings: { resourceType: 'catalog.system', resourceId: guarded, teamOnly: true } })
  const strong = (await admin('auth-applications', { createRole: { name: 'strong', accessRules: RULES } })).id as string
  const victim = (await admin('auth-applications', { createApplication: { name: 'victim' } })).id as string
  await admin('auth-applications', { setApplicationRoles: { applicationId: victim, roleIds: ['admin'] } })
  const owners = (await admin('auth-applications', { createTeam: { name: 'owners' } })).id as string
  const owner = await t.createKey(['catalog.catalog.read'], 'owner')
  await admin('auth-applications', { addTeamMember: { teamId: owners, applicationId: owner.id } })
  await admin('auth-applications', { setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: guarded, teamId: owners, canManage: true } })
  const actor = await t.createKey(startRules, 'actor')
  const crew = (await admin('auth-applications', { createTeam: { name: 'crew' } })).id as string
  await admin('auth-applications', { addTeamMember: { teamId: crew, applicationId: actor.id } })
  for (const [systemId, granted] of [[open, startTeam.open], [guarded, startTeam.teamOnly]] as const) {
    if (granted === 'none') continue
    const grant = { resourceType: 'catalog.system', resourceId: systemId, teamId: crew, canManage: granted === 'manage' }
    await admin('auth-applications', { setResourceTeamAccess: grant })
  }
  const world = await readWorld(t)
  return {
    actor,
    pools: {
      roles: ['admin', 'applications', strong, ...world.appsById.get(actor.id)!.roles],
      apps: [actor.id, victim, owner.id],
      teams: [owners, crew],
      systems: [open, guarded],
    },
    start: profileOf(world, actor.id)!,
    startSystemIds: new Set(world.systems.map((s) => s.id)),
  }
}

type Pools = Awaited<ReturnType<typeof seed>>['pools']
const pick = <T,>(list: readonly T[], n: number): T => list[n % list.length]!

/** The JSON body one step sends. */
function bodyOf(s: Step, pools: Pools, counter: number): Record<string, unknown> {
  const app = pick(pools.apps, s.a)
  const ref = { resourceType: 'catalog.system', resourceId: pick(pools.systems, s.b) }
  switch (s.op) {
    case 'createRole':
      return { createRole: { name: `role-${counter}`, accessRules: s.rules } }
    case 'updateRole':
      return { updateRole: { roleId: pick(pools.roles, s.a), accessRules: s.rules } }
    case 'createApplication':
      return { createApplication: { name: `app-${counter}` } }
    case 'setApplicationRoles':
      return { setApplicationRoles: { applicationId: app, roleIds: [...new Set(s.roles.map((n: number) => pick(pools.roles, n)))] } }
    case 'regenerateApplicationSecret':
    case 'deleteApplication':
      return { [s.op]: { applicationId: app } }
    case 'createTeam':
      return { createTeam: { name: `team-${counter}` } }
    case 'addTeamMember':
      return { addTeamMember: { teamId: pick(pools.teams, s.b), applicationId: app } }
    case 'setResourceTeamAccess':
      return { setResourceTeamAccess: { ...ref, teamId: pick(pools.teams, s.a), canRead: true, canManage: s.manage } }
    case 'setResourceAccessSettings':
      return { setResourceAccessSettings: { ...ref, teamOnly: s.flag } }
    default:
      throw new Error(`unhandled step ${s.op satisfies never}`)
  }
}

/** Runs a scenario; returns a description of the first escalation found, or undefined. */
async function findEscalation(sc: Scenario): Promise<string | undefined> {
  await using t = await createTestHost({ plugins: [catalogPlugin] })
  const { actor, pools, start, startSystemIds } = await seed(t, sc)
  const held = new Map<string, string>([[actor.id, actor.key]]) // application id → key the actor knows
  const log: string[] = []
  for (const [index, s] of sc.steps.entries()) {
    const callerId = pick([...held.keys()], s.caller)
    const body = bodyOf(s, pools, index)
    const response = await t.call('auth-applications/', { key: held.get(callerId)!, body })
    log.push(`${callerId === actor.id ? 'actor' : callerId} ${JSON.stringify(body)} → ${response.status}`)
    const result = response.status === 200 ? response.body[s.op] : undefined
    if (result?.secret) held.set(result.id, result.secret)
    if (result?.id && s.op === 'createApplication') pools.apps.push(result.id)
    if (result?.id && s.op === 'createRole') pools.roles.push(result.id)
    if (result?.id && s.op === 'createTeam') pools.teams.push(result.id)
    const world = await readWorld(t)
    for (const id of [...held.keys()]) {
      const profile: AccessProfile | undefined = profileOf(world, id)
      if (!profile) held.delete(id)
      const excess = profile ? excessOf(profile, start, startSystemIds) : []
      if (excess.length > 0) return `${id === actor.id ? 'the actor' : `application ${id}`} gained ${excess.join(', ')} after:\n${log.join('\n')}`
    }
    if (held.size === 0) break
  }
  return undefined
}

describe('escalation, generated', () => {
  it(`no sequence of auth-applications calls by a non-admin actor lets an identity it holds exceed the actor's start (${NUM_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const escalation = await findEscalation(sc)
        expect(escalation).toBeUndefined()
      }),
      { numRuns: NUM_RUNS, endOnFailure: false },
    )
  }, 240_000)
})
