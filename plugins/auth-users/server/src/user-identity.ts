import type { Database } from '@checkpost/db'
import { createBoundedCache, type Identity, type RbacDirectory } from '@checkpost/server'
import { roleIdsOfUser } from './user-repository.ts'

/** The few user fields an identity is built from. */
export interface UserRef {
  readonly id: string
  readonly name: string
}

const CACHE_SIZE = 100_000

/**
 * Builds a user's identity from its roles (rules held in auth-applications'
 * directory), its teams and the grants view, cached per access version: any
 * change to roles, memberships or the user bumps it on every process.
 */
export function createUserIdentities(database: Database, rbac: RbacDirectory) {
  const cache = createBoundedCache<string, { version: number; identity: Identity }>(CACHE_SIZE)
  return async function identityOf(user: UserRef): Promise<Identity> {
    const version = await rbac.accessVersion(database.db)
    const cached = cache.get(user.id)
    if (cached && cached.version === version) return cached.identity
    const roleIds = await roleIdsOfUser(database.db, user.id)
    const [{ rules }, teamIds, resourceAccess] = await Promise.all([
      rbac.rulesOfRoles(database.db, roleIds),
      rbac.teamIdsOf(database.db, { kind: 'user', id: user.id }),
      rbac.resourceAccessAt(version),
    ])
    const identity: Identity = {
      kind: 'user',
      id: user.id,
      name: user.name,
      rules: new Set(rules),
      teamIds: new Set(teamIds),
      resourceAccess,
    }
    cache.set(user.id, { version, identity })
    return identity
  }
}

export type UserIdentities = ReturnType<typeof createUserIdentities>
