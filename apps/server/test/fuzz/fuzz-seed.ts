import type { FuzzPools, TestHost } from '@checkpost/testing'

type Json = Record<string, unknown>

/** Creates resources through the JSON endpoint as admin; each id lands in the pool of the fields that name it. */
class Seeder {
  readonly ids: string[] = []
  readonly byField: Record<string, string[]> = {}
  constructor(readonly t: TestHost) {}

  async send(pluginId: string, body: Json): Promise<Json> {
    const response = await this.t.call(`${pluginId}/`, { key: this.t.adminKey, body })
    if (response.status !== 200) throw new Error(`seeding ${pluginId} ${JSON.stringify(body)} failed: ${JSON.stringify(response.body)}`)
    return response.body as Json
  }

  /** Sends `{create…: input}` and files the new id under `fields`. */
  async create(pluginId: string, call: Json, fields: readonly string[]): Promise<string> {
    const name = Object.keys(call)[0]!
    const id = String(((await this.send(pluginId, call))[name] as Json).id)
    this.ids.push(id)
    for (const field of fields) (this.byField[field] ??= []).push(id)
    return id
  }

  pool(field: string, values: readonly string[]): void {
    ;(this.byField[field] ??= []).push(...values)
  }
}

const INSTANCE = 'resourceId'

/** Paging cursors as a caller can forge them: base64url JSON, which anyone can decode and re-encode. */
const forge = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url')
const FORGED_CURSORS = [
  forge(['2026-11-30T10:00:00.000Z', '00000000-0000-0000-0000-000000000000']),
  forge(['9999-12-31T23:59:59.999Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff']),
  forge(['x\u0000', 'y']),
  forge(['\uD800', 'y']),
  forge(["' OR 1=1 --", '%']),
  forge(['a']),
  forge(['a', 'b', 'c']),
  forge([1, 2]),
  forge({ at: 'a', id: 'b' }),
  forge(null),
  Buffer.from('not json').toString('base64url'),
]

/**
 * A fresh set of resources of every kind (systems, a group, checks with a
 * result, windows, incidents, a role, a team with a member and grants, a
 * team-only system) and the pools naming them. `round` keeps names unique;
 * `resourceTypes` are the mounted plugins' (a few unknown ones join them).
 */
export async function seedResources(t: TestHost, options: { round: number; resourceTypes: readonly string[] }): Promise<FuzzPools> {
  const { round } = options
  const s = new Seeder(t)
  const now = t.clock.now().getTime()
  const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString()
  const system = (input: Json) => s.create('catalog', { createSystem: input }, ['systemId', 'systemIds', INSTANCE])
  const systems = [
    await system({ name: `web ${round}`, metadata: { tier: 1, owners: ['ops'] } }),
    await system({ name: `db ${round}`, description: 'primary' }),
    await system({ name: `hidden ${round}` }),
  ]
  await s.create('catalog', { createGroup: { name: `group ${round}`, systemIds: systems.slice(0, 2) } }, ['groupId'])
  const checkFields = ['healthCheckId', INSTANCE]
  const check = await s.create('healthcheck', { createHealthCheck: { systemId: systems[0], name: 'push', kind: 'push' } }, checkFields)
  const http = { url: 'http://127.0.0.1:9/health' }
  await s.create('healthcheck', { createHealthCheck: { systemId: systems[1], name: 'http', kind: 'http', http } }, checkFields)
  await s.send('healthcheck', { reportResults: { results: [{ healthCheckId: check, status: 'healthy' }] } })
  const window = (title: string, systemIds: string[], hours: [number, number]) =>
    s.create('maintenance', { scheduleWindow: { title, systemIds, startsAt: at(hours[0]), endsAt: at(hours[1]) } }, ['windowId', INSTANCE])
  await window('now', [systems[0]!], [-1, 1])
  await window('later', systems.slice(0, 2), [24, 26])
  const incident = (title: string, systemIds: string[]) =>
    s.create('incident', { createIncident: { title, impact: 'major', systemIds } }, ['incidentId', INSTANCE])
  await incident('open', [systems[1]!])
  await s.send('incident', { resolveIncident: { incidentId: await incident('resolved', []) } })
  const roleName = `readers ${round}`
  await s.create('auth-applications', { createRole: { name: roleName, accessRules: ['catalog.catalog.read'] } }, ['roleId', 'roleIds'])
  const teamName = `team ${round}`
  const team = await s.create('auth-applications', { createTeam: { name: teamName } }, ['teamId'])
  const member = await s.create('auth-applications', { createApplication: { name: `member ${round}` } }, ['applicationId'])
  await s.create('auth-applications', { createApplication: { name: `bystander ${round}` } }, ['applicationId'])
  await s.send('auth-applications', {
    addTeamMember: { teamId: team, applicationId: member },
    setResourceTeamAccess: { resourceType: 'catalog.system', resourceId: systems[2], teamId: team, canRead: true },
    setResourceAccessSettings: { resourceType: 'catalog.system', resourceId: systems[2], teamOnly: true },
  })
  s.pool('roleId', ['admin', 'applications'])
  s.pool('roleIds', ['admin', 'applications'])
  s.pool('accessRules', ['*', ...t.host.accessRules.map((rule) => rule.id)])
  s.pool('resourceType', [...options.resourceTypes, 'catalog.nothing', 'unknown.system'])
  s.pool('name', [roleName, teamName, roleName.toUpperCase(), ` ${teamName} `])
  s.pool('cursor', FORGED_CURSORS)
  return { ids: s.ids, strings: ['admin', 'applications', '*', ...t.host.accessRules.map((rule) => rule.id)], byField: s.byField }
}
