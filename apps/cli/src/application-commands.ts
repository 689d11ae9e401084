import {
  createApplication,
  deleteApplication,
  findApplication,
  listApplications,
  regenerateApplicationSecret,
} from '@checkpost/auth-applications-server'
import { runInTransaction } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import { Option } from 'commander'
import { auditCliChange } from './cli-audit.ts'
import { CliError } from './cli-error.ts'
import { JSON_FLAG, type CommandGroup } from './command-group.ts'
import { formatApplication, formatCreated } from './output.ts'
import { resolveRoles } from './resolve-roles.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Every application holds the built-in `applications` role, from the CLI as from the API. */
const DEFAULT_ROLE = 'applications'

interface CreateOptions {
  name: string
  description?: string
  role?: string[]
  json?: boolean
}

/** `checkpost applications create|list|regenerate|delete`. */
export const registerApplicationCommands: CommandGroup = (program, session) => {
  const group = program.command('applications').description('create, list, regenerate and delete applications (API keys)')
  group
    .command('create')
    .description('create an application and print its key (shown once)')
    .requiredOption('--name <name>', 'its name (1 to 200 characters)')
    .option('--description <text>', 'what it is for')
    .addOption(new Option('--role <role>', 'a role id or name to give it besides "applications" (repeatable)').argParser(collect))
    .option(...JSON_FLAG)
    .action(async (options: CreateOptions) => {
      const name = options.name.trim()
      if (name === '' || name.length > 200) throw new CliError('--name must be 1 to 200 characters')
      await session.run(async ({ database, output }) => {
        const created = await runInTransaction(database, async (db) => {
          const roleIds = [...new Set(await resolveRoles(db, [DEFAULT_ROLE, ...(options.role ?? [])]))]
          const app = await createApplication(db, { name, description: options.description, roleIds, createdBy: 'cli' }, systemClock)
          const changes = { name: app.name, description: app.description, roles: app.roles }
          await auditCliChange(db, { action: 'application.created', target: { type: 'application', id: app.id, name: app.name }, changes })
          return app
        })
        output.out(options.json ? JSON.stringify({ id: created.id, name: created.name, secret: created.secret }) : formatCreated(created))
      })
    })
  group
    .command('list')
    .description('list applications (never their secrets)')
    .option(...JSON_FLAG)
    .action(async (options: { json?: boolean }) =>
      session.run(async ({ database, output }) => {
        const applications = await listApplications(database.db)
        if (options.json) output.out(JSON.stringify({ applications }))
        else if (applications.length === 0) output.out('No applications.')
        else applications.forEach((app) => output.out(formatApplication(app)))
      }),
    )
  group
    .command('regenerate')
    .description('give an application a new key; the old one stops working at once')
    .argument('<id>', 'the application id (a UUID)')
    .option(...JSON_FLAG)
    .action(async (id: string, options: { json?: boolean }) => {
      assertUuid(id)
      await session.run(async ({ database, output }) => {
        const app = await runInTransaction(database, async (db) => {
          const regenerated = await regenerateApplicationSecret(db, id)
          const target = { type: 'application', id, name: regenerated?.name }
          if (regenerated) await auditCliChange(db, { action: 'application.secret_regenerated', target })
          return regenerated
        })
        if (!app) throw new CliError(`No application with id ${id}`)
        output.out(options.json ? JSON.stringify({ id: app.id, name: app.name, secret: app.secret }) : formatCreated(app))
      })
    })
  group
    .command('delete')
    .description('delete an application; its key stops working at once')
    .argument('<id>', 'the application id (a UUID)')
    .action(async (id: string) => {
      assertUuid(id)
      await session.run(async ({ database, output }) => {
        const deleted = await runInTransaction(database, async (db) => {
          const existing = await findApplication(db, id)
          if (!existing || !(await deleteApplication(db, id))) return false
          await auditCliChange(db, { action: 'application.deleted', target: { type: 'application', id, name: existing.name } })
          return true
        })
        if (!deleted) throw new CliError(`No application with id ${id}`)
        output.out(`Deleted application ${id}`)
      })
    })
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value]
}

function assertUuid(id: string): void {
  if (!UUID.test(id)) throw new CliError(`"${id}" is not an application id (a UUID)`)
}
