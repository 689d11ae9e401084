import type { RbacDirectory, ResourceAccessView } from '@checkpost/server'
import type { Database } from '@checkpost/db'
import type { Kysely } from 'kysely'
import { loadAccessSnapshot } from './access-snapshot.ts'
import { bumpAccessVersion } from './access-version.ts'
import { grantsOfTeams } from './grant-repository.ts'
import { existingRoleIds, rulesOfRoles } from './role-repository.ts'
import type { AuthApplicationsTables } from './tables.ts'
import { removeFromAllTeams } from './team-repository.ts'

type Db = Kysely<AuthApplicationsTables>

/**
 * This plugin's roles, teams and grants as the kit's `RbacDirectory`, for the
 * other identity kinds (users): they reach them here, never through our tables.
 */
export function createRbacDirectory({ database }: { database: Database }): RbacDirectory {
  let snapshot: { version: number; view: Promise<ResourceAccessView> } | undefined
  return {
    async accessVersion(db) {
      const row = await (db as Db).selectFrom('auth_applications_state').select('access_version').where('id', '=', 1).executeTakeFirst()
      return Number(row?.access_version ?? 0)
    },
    bumpAccessVersion: (db) => bumpAccessVersion(db as Db),
    async rulesOfRoles(db, roleIds) {
      const [rules, existing] = await Promise.all([rulesOfRoles(db as Db, roleIds), existingRoleIds(db as Db, roleIds)])
      return { rules, unknown: roleIds.filter((id) => !existing.has(id)) }
    },
    async teamIdsOf(db, member) {
      const rows = await (db as Db)
        .selectFrom('auth_applications_team_members')
        .select('team_id')
        .where('member_kind', '=', member.kind)
        .where('member_id', '=', member.id)
        .orderBy('team_id')
        .execute()
      return rows.map((row) => row.team_id)
    },
    grantsOfTeams: (db, teamIds) => grantsOfTeams(db as Db, teamIds),
    resourceAccessAt(version) {
      if (snapshot?.version !== version) {
        const view = loadAccessSnapshot(database.db)
        snapshot = { version, view }
        view.catch(() => (snapshot = undefined))
      }
      return snapshot.view
    },
    async forgetMember(db, member) {
      await removeFromAllTeams(db as Db, member)
      await bumpAccessVersion(db as Db)
    },
  }
}
