import type { User } from '@checkpost/auth-users-contract'
import { DomainError } from '@checkpost/contract'
import type { PluginContext, RbacDirectory } from '@checkpost/server'
import { hashPassword } from './password-hash.ts'
import {
  deleteSessionsOf,
  deleteUserRow,
  findUserIdByEmail,
  insertUser,
  listUserRecords,
  replaceUserRoles,
  updateUserRow,
  type UserRecord,
} from './user-repository.ts'

type Db = PluginContext['db']

/** Users with their teams (from the directory), by email; one when `userId` is given. */
export async function listUsers(db: Db, rbac: RbacDirectory, userId?: string): Promise<User[]> {
  const records = await listUserRecords(db, userId)
  return Promise.all(records.map(async (record) => withTeams(db, rbac, record)))
}

async function withTeams(db: Db, rbac: RbacDirectory, record: UserRecord): Promise<User> {
  return { ...record, teams: await rbac.teamIdsOf(db, { kind: 'user', id: record.id }) }
}

/** One user, or undefined. */
export async function findUser(db: Db, rbac: RbacDirectory, userId: string): Promise<User | undefined> {
  return (await listUsers(db, rbac, userId))[0]
}

/** 400 when a role id is unknown; returns the rules the roles hold. */
export async function rulesOfKnownRoles(db: Db, rbac: RbacDirectory, roleIds: readonly string[]): Promise<string[]> {
  const { rules, unknown } = await rbac.rulesOfRoles(db, roleIds)
  if (unknown.length > 0) throw new DomainError('BAD_REQUEST', `Unknown role: ${unknown.join(', ')}`)
  return rules
}

/** Creates a user with an argon2id password; 409 when the email is taken. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string; roleIds: readonly string[]; at: string },
): Promise<string> {
  if (await findUserIdByEmail(db, input.email)) throw new DomainError('CONFLICT', 'A user with this email already exists')
  const id = await insertUser(db, { ...input, passwordHash: await hashPassword(input.password) })
  await replaceUserRoles(db, id, input.roleIds)
  return id
}

/** Renames or disables; a disabled user's sessions end at once. */
export async function updateUser(
  db: Db,
  rbac: RbacDirectory,
  input: { userId: string; name?: string; disabled?: boolean; at: string },
): Promise<boolean> {
  if (!(await updateUserRow(db, input.userId, input))) return false
  if (input.disabled) await deleteSessionsOf(db, input.userId)
  await rbac.bumpAccessVersion(db) // cached identities carry the name
  return true
}

/** Sets a user's roles (already checked against escalation and known roles). */
export async function setUserRoles(db: Db, rbac: RbacDirectory, input: { userId: string; roleIds: readonly string[] }): Promise<void> {
  await replaceUserRoles(db, input.userId, input.roleIds)
  await rbac.bumpAccessVersion(db)
}

/** Deletes a user with its sessions, keys, roles and team memberships. */
export async function deleteUser(db: Db, rbac: RbacDirectory, userId: string): Promise<boolean> {
  if (!(await deleteUserRow(db, userId))) return false
  await rbac.forgetMember(db, { kind: 'user', id: userId })
  return true
}
