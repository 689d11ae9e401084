import type { Kysely } from 'kysely'
import type { ResourceGrant } from './escalation-check.ts'
import type { ResourceAccessView } from './resource-access.ts'

/** One identity as a team member: an application or a user. */
export interface MemberRef {
  readonly kind: 'application' | 'user'
  readonly id: string
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * Roles, teams and grants, lent by the plugin that owns them (auth-applications)
 * to plugins with other identity kinds (auth-users), so that those never read
 * another plugin's tables nor import its server package.
 */
export interface RbacDirectory {
  /** The counter bumped by every change to roles, rules, memberships or grants. */
  accessVersion(db: AnyDb): Promise<number>
  /** Marks every cached identity stale on every process; call in the changing transaction. */
  bumpAccessVersion(db: AnyDb): Promise<void>
  /** Every rule of `roleIds`, and which of them do not exist. */
  rulesOfRoles(db: AnyDb, roleIds: readonly string[]): Promise<{ rules: string[]; unknown: string[] }>
  /** Ids of the teams `member` belongs to. */
  teamIdsOf(db: AnyDb, member: MemberRef): Promise<string[]>
  /** Every grant of any of `teamIds`. */
  grantsOfTeams(db: AnyDb, teamIds: readonly string[]): Promise<ResourceGrant[]>
  /** Grants and team-only settings as of `version`, loaded once per version. */
  resourceAccessAt(version: number): Promise<ResourceAccessView>
  /** Removes `member` from every team (its identity is gone). */
  forgetMember(db: AnyDb, member: MemberRef): Promise<void>
}

/**
 * An identity kind owned by another plugin (users), as team code sees it:
 * whether one exists and the roles it holds, for escalation rule 3.
 */
export interface MemberKind {
  readonly kind: MemberRef['kind']
  /** How 404s name it, e.g. `User`. */
  readonly label: string
  /** The member's role ids, or undefined when it does not exist. */
  roleIdsOf(db: AnyDb, id: string): Promise<readonly string[] | undefined>
}
