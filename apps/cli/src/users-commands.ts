import { emailSchema, passwordSchema } from '@checkpost/auth-users-contract'
import { createRbacDirectory } from '@checkpost/auth-applications-server'
import { createUser, deleteSessionsOf, deleteUser, findUser, hashPassword, listUsers, setPasswordHash, userAuditEvents as events } from '@checkpost/auth-users-server'
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
    await auditCliChange(db, events.created({ id: created, email, name, roles: roleIds }))
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
    const rbac = createRbacDirectory(ctx)
    const user = await findUser(db, rbac, id)
    if (!user) return false
    await deleteUser(db, rbac, id)
    await auditCliChange(db, events.deleted(user))
    return true
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
    const user = await findUser(db, createRbacDirectory(ctx), id)
    if (!user) return false
    await setPasswordHash(db, id, { passwordHash: hash, at: new Date().toISOString() })
    // An operator reset is often about a compromise: every session of the user ends.
    await deleteSessionsOf(db, id)
    await auditCliChange(db, events.passwordChanged(user))
    return true
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
