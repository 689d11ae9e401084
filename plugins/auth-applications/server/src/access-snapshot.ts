import type { AccessLevel } from '@checkpost/contract'
import { fromDbBool } from '@checkpost/db'
import type { ResourceAccessView } from '@checkpost/server'
import type { Kysely } from 'kysely'
import type { AuthApplicationsTables } from './tables.ts'

const key = (type: string, id: string) => `${type}\u0000${id}`

/**
 * Every team grant and team-only setting, loaded once per access version and
 * shared by all identities of that version. Grants are few next to requests,
 * so holding them in memory keeps instance checks free of queries.
 */
export async function loadAccessSnapshot(db: Kysely<AuthApplicationsTables>): Promise<ResourceAccessView> {
  const [grants, settings] = await Promise.all([
    db.selectFrom('auth_applications_resource_grants').selectAll().execute(),
    db.selectFrom('auth_applications_resource_settings').selectAll().execute(),
  ])
  const byInstance = new Map<string, Map<string, AccessLevel>>()
  for (const grant of grants) {
    const k = key(grant.resource_type, grant.resource_id)
    const teams = byInstance.get(k) ?? new Map<string, AccessLevel>()
    teams.set(grant.team_id, fromDbBool(grant.can_manage) ? 'manage' : 'read')
    byInstance.set(k, teams)
  }
  const teamOnly = new Set<string>()
  const typesWithTeamOnly = new Set<string>()
  for (const setting of settings) {
    if (!fromDbBool(setting.team_only)) continue
    teamOnly.add(key(setting.resource_type, setting.resource_id))
    typesWithTeamOnly.add(setting.resource_type)
  }
  return {
    isTeamOnly: (type, id) => teamOnly.has(key(type, id)),
    hasTeamOnly: (type) => typesWithTeamOnly.has(type),
    teamLevel(type, id, teamIds) {
      const teams = byInstance.get(key(type, id))
      if (!teams || teamIds.size === 0) return undefined
      let level: AccessLevel | undefined
      for (const teamId of teamIds) {
        const granted = teams.get(teamId)
        if (granted === 'manage') return 'manage'
        if (granted) level = granted
      }
      return level
    },
  }
}
