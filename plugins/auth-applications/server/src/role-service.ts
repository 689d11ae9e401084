import { randomUUID } from 'node:crypto'
import { BUILT_IN_ROLE_IDS, type Role } from '@checkpost/auth-applications-contract'
import { DomainError } from '@checkpost/contract'
import type { Kysely } from 'kysely'
import { bumpAccessVersion } from './access-version.ts'
import { deleteRoleRow, findRole, findRoleIdByName, insertRole, replaceRoleRules, updateRoleRow } from './role-repository.ts'
import type { AuthApplicationsTables } from './tables.ts'

type Db = Kysely<AuthApplicationsTables>

export interface RoleChanges {
  readonly name?: string
  readonly description?: string | null
  readonly accessRules?: readonly string[]
}

/** Creates a role holding only rules the host knows. */
export async function createRole(
  db: Db,
  input: { name: string; description?: string; accessRules: readonly string[] },
  knownRuleIds: ReadonlySet<string>,
): Promise<Role> {
  assertKnownRules(input.accessRules, knownRuleIds)
  await assertNameFree(db, input.name, undefined)
  const id = randomUUID()
  await insertRole(db, { id, name: input.name, description: input.description ?? null })
  await replaceRoleRules(db, id, input.accessRules)
  await bumpAccessVersion(db)
  return (await findRole(db, id))!
}

/** Updates a role. Built-in roles keep their names, and `admin` keeps every rule. Undefined if unknown. */
export async function updateRole(
  db: Db,
  { roleId: id, ...changes }: RoleChanges & { roleId: string },
  knownRuleIds: ReadonlySet<string>,
): Promise<Role | undefined> {
  const role = await findRole(db, id)
  if (!role) return undefined
  if (role.builtIn && changes.name !== undefined && changes.name !== role.name) {
    throw new DomainError('CONFLICT', `The built-in role "${role.id}" cannot be renamed`)
  }
  if (role.id === BUILT_IN_ROLE_IDS.admin && changes.accessRules !== undefined) {
    throw new DomainError('CONFLICT', 'The built-in role "admin" always holds every access rule')
  }
  if (changes.accessRules) assertKnownRules(changes.accessRules, knownRuleIds)
  if (changes.name !== undefined) await assertNameFree(db, changes.name, id)
  await updateRoleRow(db, id, { name: changes.name, description: changes.description })
  if (changes.accessRules) await replaceRoleRules(db, id, changes.accessRules)
  await bumpAccessVersion(db)
  return findRole(db, id)
}

/** Deletes a custom role; built-ins are refused. False if unknown. */
export async function deleteRole(db: Db, id: string): Promise<boolean> {
  const role = await findRole(db, id)
  if (!role) return false
  if (role.builtIn) throw new DomainError('CONFLICT', `The built-in role "${role.id}" cannot be deleted`)
  await deleteRoleRow(db, id)
  await bumpAccessVersion(db)
  return true
}

/** Throws 400 for a rule id the host does not know. */
export function assertKnownRules(ruleIds: readonly string[], known: ReadonlySet<string>): void {
  const unknown = ruleIds.find((id) => !known.has(id))
  if (unknown !== undefined) throw new DomainError('BAD_REQUEST', `Unknown access rule "${unknown}"`)
}

async function assertNameFree(db: Db, name: string, exceptId: string | undefined): Promise<void> {
  const holder = await findRoleIdByName(db, name)
  if (holder !== undefined && holder !== exceptId) throw new DomainError('CONFLICT', `A role named "${name}" already exists`)
}
