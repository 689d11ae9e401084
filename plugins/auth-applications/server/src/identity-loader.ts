import type { Identity, ResourceAccessView } from '@checkpost/server'
import type { Database } from '@checkpost/db'
import { loadAccessSnapshot } from './access-snapshot.ts'
import { createBoundedCache } from '@checkpost/server'
import { rulesOfApplication } from './role-repository.ts'
import { teamIdsOfApplications } from './team-repository.ts'

const CACHE_SIZE = 100_000

/**
 * An application's identity (rules, teams, grants), cached per access version:
 * any change that affects who may do what bumps the version, so every process
 * reloads on its next request.
 */
export function createIdentityLoader(database: Database) {
  const identities = createBoundedCache<string, { version: number; identity: Identity }>(CACHE_SIZE)
  // Grants are shared by every identity of one access version: load them once per version.
  let snapshot: { version: number; view: Promise<ResourceAccessView> } | undefined

  function resourceAccessAt(version: number): Promise<ResourceAccessView> {
    if (snapshot?.version !== version) {
      const view = loadAccessSnapshot(database.db)
      snapshot = { version, view }
      view.catch(() => (snapshot = undefined))
    }
    return snapshot.view
  }

  return async function identityOf(row: { id: string; name: string; access_version: number | string }): Promise<Identity> {
    const version = Number(row.access_version)
    const cached = identities.get(row.id)
    if (cached && cached.version === version) return cached.identity
    const [rules, teams, resourceAccess] = await Promise.all([
      rulesOfApplication(database.db, row.id),
      teamIdsOfApplications(database.db, [row.id]),
      resourceAccessAt(version),
    ])
    const identity: Identity = {
      kind: 'application',
      id: row.id,
      name: row.name,
      rules: new Set(rules),
      teamIds: new Set(teams.get(row.id) ?? []),
      resourceAccess,
    }
    identities.set(row.id, { version, identity })
    return identity
  }
}
