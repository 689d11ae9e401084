import { emailSchema, passwordSchema } from '@checkpost/auth-users-contract'
import { createRbacDirectory } from '@checkpost/auth-applications-server'
import { createUser, deleteUser, hashPassword, listUsers, setPasswordHash } from '@checkpost/auth-users-server'
import { DomainError, nameSchema } from '@checkpost/contract'
import { runInTransaction } from '@checkpost/db'
import type { z } from 'zod'
import { auditCliChange } from './cli-audit.ts'
import { CliError } from './cli-error.ts'
import type { CommandContext as SessionContext } from './cli-session.ts'
import { resolveRoles } from './resolve-roles.ts'

/** A session's context plus whether to print JSON. */
export type CommandContext = SessionContext & { readonly json: boolean }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `users create --email E --name N [--role R]... --password-stdin`: prints `{"id","email","name"}` with --json. */
export async function createUserCommand(
  ctx: CommandContext,
  options: { email: string; name: string; roles: readonly string[]; password: string },
): Promise<void> {
  const email = check(emailSchema, options.email, '--email')
  const name = check(nameSchema, options.name, '--name')
  const password = check(passwordSchema, options.password, 'The password')
  const id = await runInTransaction(ctx.database, async (db) => {
    const roleIds = await resolveRoles(db, options.roles)
    const created = await createUser(db, { email, name, password, roleIds, at: new Date().toISOString() })
    await auditCliChange(db, { action: 'user.created', target: { type: 'user', id: created, name: email }, changes: { email, name, roleIds } })
    return created
  }).catch(rethrowDomain)
  if (ctx.json) ctx.output.out(JSON.stringify({ id, email, name }))
  else ctx.output.out(`User ${name} <${email}> (${id})`)
}

/** `users list`: every user with roles and state, never a password hash. */
export async function listUsersCommand(ctx: CommandContext): Promise<void> {
  const users = await listUsers(ctx.database.db, createRbacDirectory(ctx))
  if (ctx.json) ctx.output.out(JSON.stringify({ users }))
  else if (users.length === 0) ctx.output.out('No users.')
  else users.forEach((u) => ctx.output.out(`${u.id}  ${u.email}  ${u.name}  roles=${u.roles.join(',') || '-'}${u.disabled ? '  (disabled)' : ''}`))
}

/** `users delete ID`: the user's sessions, keys and memberships go with it. */
export async function deleteUserCommand(ctx: CommandContext, id: string): Promise<void> {
  assertUserId(id)
  const deleted = await runInTransaction(ctx.database, async (db) => {
    const gone = await deleteUser(db, createRbacDirectory(ctx), id)
    if (gone) await auditCliChange(db, { action: 'user.deleted', target: { type: 'user', id } })
    return gone
  })
  if (!deleted) throw new CliError(`No user with id ${id}`)
  ctx.output.out(`Deleted user ${id}`)
}

/** `users set-password ID --password-stdin`. */
export async function setPasswordCommand(ctx: CommandContext, id: string, password: string): Promise<void> {
  assertUserId(id)
  const valid = check(passwordSchema, password, 'The password')
  const hash = await hashPassword(valid)
  const changed = await runInTransaction(ctx.database, async (db) => {
    const set = await setPasswordHash(db, id, { passwordHash: hash, at: new Date().toISOString() })
    if (set) await auditCliChange(db, { action: 'user.password_changed', target: { type: 'user', id } })
    return set
  })
  if (!changed) throw new CliError(`No user with id ${id}`)
  ctx.output.out(`Password set for user ${id}`)
}

// Messages name the option, never echo the value (it may be a password).
function check<T extends z.ZodType>(schema: T, value: string, what: string): z.output<T> {
  const result = schema.safeParse(value)
  if (!result.success) throw new CliError(`${what} ${result.error.issues[0]?.message ?? 'is invalid'}`)
  return result.data
}

function assertUserId(id: string): void {
  if (!UUID.test(id)) throw new CliError(`"${id}" is not a user id (a UUID)`)
}

function rethrowDomain(error: unknown): never {
  if (error instanceof DomainError) throw new CliError(error.message)
  throw error
}
