import type { TestHost } from '@checkpost/testing'

/**
 * What an identity can do, computed from what the admin sees, by DESIGN.md's
 * model (not by the host's code): its rules, and per system whether it reads
 * or manages it (global rule unless team-only, OR a team grant).
 */
export interface AccessProfile {
  readonly rules: ReadonlySet<string>
  /** systemId → 'read' | 'manage' (absent: no access). */
  readonly systems: ReadonlyMap<string, 'read' | 'manage'>
}

interface World {
  readonly ruleIds: readonly string[]
  readonly rolesById: Map<string, readonly string[]>
  readonly appsById: Map<string, { roles: string[]; teams: string[] }>
  readonly systems: { id: string; teamOnly: boolean; grants: { teamId: string; canManage: boolean }[] }[]
}

async function admin(t: TestHost, plugin: string, body: Record<string, unknown>) {
  const response = await t.call(`${plugin}/`, { key: t.adminKey, body })
  if (response.status !== 200) throw new Error(`admin ${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`)
  return response.body[Object.keys(body)[0]!]
}

/** Reads roles, applications, systems, grants and team-only settings as the admin. */
export async function readWorld(t: TestHost): Promise<World> {
  const [rules, roles, apps, systems] = [
    await admin(t, 'auth-applications', { getAccessRules: {} }),
    await admin(t, 'auth-applications', { getRoles: {} }),
    await admin(t, 'auth-applications', { getApplications: {} }),
    await admin(t, 'catalog', { getSystems: {} }),
  ]
  const world: World = {
    ruleIds: rules.accessRules.map((rule: { id: string }) => rule.id),
    rolesById: new Map(roles.roles.map((role: { id: string; accessRules: string[] }) => [role.id, role.accessRules])),
    appsById: new Map(apps.applications.map((app: { id: string; roles: string[]; teams: string[] }) => [app.id, app])),
    systems: [],
  }
  for (const system of systems.systems as { id: string }[]) {
    const ref = { resourceType: 'catalog.system', resourceId: system.id }
    const access = await admin(t, 'auth-applications', { getResourceTeamAccess: ref })
    const settings = await admin(t, 'auth-applications', { getResourceAccessSettings: ref })
    world.systems.push({ id: system.id, teamOnly: settings.teamOnly, grants: access.access })
  }
  return world
}

/** The profile of one application in a world; undefined when it no longer exists. */
export function profileOf(world: World, applicationId: string): AccessProfile | undefined {
  const app = world.appsById.get(applicationId)
  if (!app) return undefined
  const granted = new Set(app.roles.flatMap((roleId) => world.rolesById.get(roleId) ?? []))
  const holds = (ruleId: string) =>
    granted.has('*') || granted.has(ruleId) || (ruleId.endsWith('.read') && granted.has(ruleId.replace(/\.read$/, '.manage')))
  const rules = new Set(['*', ...world.ruleIds].filter(holds))
  const systems = new Map<string, 'read' | 'manage'>()
  for (const system of world.systems) {
    const grants = system.grants.filter((grant) => app.teams.includes(grant.teamId))
    const team = grants.some((g) => g.canManage) ? 'manage' : grants.length > 0 ? 'read' : undefined
    const open = granted.has('*') || !system.teamOnly
    const level = team === 'manage' || (open && holds('catalog.catalog.manage')) ? 'manage' : team || (open && holds('catalog.catalog.read')) ? 'read' : undefined
    if (level) systems.set(system.id, level)
  }
  return { rules, systems }
}

/**
 * What `profile` can do that `start` could not, or an empty list. A system
 * that did not exist at the start counts as open to the start's global rules.
 */
export function excessOf(profile: AccessProfile, start: AccessProfile, startSystemIds: ReadonlySet<string>): string[] {
  const excess = [...profile.rules].filter((rule) => !start.rules.has(rule))
  const rank = { read: 1, manage: 2 } as const
  const global = start.rules.has('catalog.catalog.manage') ? 'manage' : start.rules.has('catalog.catalog.read') ? 'read' : undefined
  for (const [systemId, level] of profile.systems) {
    const before = startSystemIds.has(systemId) ? start.systems.get(systemId) : global
    if (!before || rank[before] < rank[level]) excess.push(`${level} on system ${systemId}`)
  }
  return excess
}
