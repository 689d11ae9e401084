import {
  createApplication,
  deleteApplication,
  findApplication,
  findRoleIdByName,
  listApplications,
  listRoles,
  regenerateApplicationSecret,
} from '@checkpost/auth-applications-server'
import { runInTransaction, type Database } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import { auditCliChange } from './cli-audit.ts'
import { CliError } from './cli-error.ts'
import { formatApplication, formatCreated, formatRole, type CliOutput } from './output.ts'

export interface CommandContext {
  readonly database: Database
  readonly output: CliOutput
  readonly json: boolean
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function createApplicationCommand(
  ctx: CommandContext,
  options: { name: string; description?: string; roles: readonly string[] },
): Promise<void> {
  const name = options.name.trim()
  if (name === '' || name.length > 200) throw new CliError('--name must be 1 to 200 characters')
  const created = await runInTransaction(ctx.database, async (db) => {
    const roleIds = options.roles.length === 0 ? undefined : await resolveRoles(db, options.roles)
    const app = await createApplication(db, { name, description: options.description, roleIds, createdBy: 'cli' }, systemClock)
    const changes = { name: app.name, description: app.description, roles: app.roles }
    await auditCliChange(db, { action: 'application.created', target: { type: 'application', id: app.id, name: app.name }, changes })
    return app
  })
  if (ctx.json) ctx.output.out(JSON.stringify({ id: created.id, name: created.name, secret: created.secret }))
  else ctx.output.out(formatCreated(created))
}

export async function listApplicationsCommand(ctx: CommandContext): Promise<void> {
  const applications = await listApplications(ctx.database.db)
  if (ctx.json) ctx.output.out(JSON.stringify({ applications }))
  else if (applications.length === 0) ctx.output.out('No applications.')
  else applications.forEach((app) => ctx.output.out(formatApplication(app)))
}

export async function regenerateCommand(ctx: CommandContext, id: string): Promise<void> {
  assertUuid(id)
  const app = await runInTransaction(ctx.database, async (db) => {
    const regenerated = await regenerateApplicationSecret(db, id)
    const target = { type: 'application', id, name: regenerated?.name }
    if (regenerated) await auditCliChange(db, { action: 'application.secret_regenerated', target })
    return regenerated
  })
  if (!app) throw new CliError(`No application with id ${id}`)
  if (ctx.json) ctx.output.out(JSON.stringify({ id: app.id, name: app.name, secret: app.secret }))
  else ctx.output.out(formatCreated(app))
}

export async function deleteCommand(ctx: CommandContext, id: string): Promise<void> {
  assertUuid(id)
  const deleted = await runInTransaction(ctx.database, async (db) => {
    const existing = await findApplication(db, id)
    if (!existing || !(await deleteApplication(db, id))) return false
    await auditCliChange(db, { action: 'application.deleted', target: { type: 'application', id, name: existing.name } })
    return true
  })
  if (!deleted) throw new CliError(`No application with id ${id}`)
  ctx.output.out(`Deleted application ${id}`)
}

export async function listRolesCommand(ctx: CommandContext): Promise<void> {
  const roles = await listRoles(ctx.database.db)
  if (ctx.json) ctx.output.out(JSON.stringify({ roles }))
  else roles.forEach((role) => ctx.output.out(formatRole(role)))
}

/** Roles may be given by id or by name; an unknown one is a CliError. */
export async function resolveRoles(db: Database['db'], roles: readonly string[]): Promise<string[]> {
  const ids: string[] = []
  for (const role of roles) {
    const id = (await findRoleIdByName(db, role)) ?? (await roleIdExists(db, role))
    if (id === undefined) throw new CliError(`Unknown role "${role}"`)
    ids.push(id)
  }
  return ids
}

async function roleIdExists(db: Database['db'], id: string): Promise<string | undefined> {
  const row = await db.selectFrom('auth_applications_roles').select('id').where('id', '=', id).executeTakeFirst()
  return row?.id as string | undefined
}

function assertUuid(id: string): void {
  if (!UUID.test(id)) throw new CliError(`"${id}" is not an application id (a UUID)`)
}
