import { parseArgs } from 'node:util'
import { createDatabase, DEFAULT_DATABASE_URL, migrateToLatest } from '@checkpost/db'
import { plugins, readDatabaseConfig } from '@checkpost/server-app'
import { CliError } from './cli-error.ts'
import {
  createApplicationCommand,
  deleteCommand,
  listApplicationsCommand,
  listRolesCommand,
  regenerateCommand,
  type CommandContext,
} from './commands.ts'
import { processOutput, type CliOutput } from './output.ts'
import { readPasswordLine } from './read-password.ts'
import { createUserCommand, deleteUserCommand, listUsersCommand, setPasswordCommand } from './users-commands.ts'

const USAGE = `Usage: checkpost <command>
  applications create --name NAME [--description TEXT] [--role ROLE]... [--json]
  applications list [--json]
  applications regenerate ID [--json]
  applications delete ID
  roles list [--json]
  users create --email EMAIL --name NAME [--role ROLE]... --password-stdin [--json]
  users list [--json]
  users delete ID
  users set-password ID --password-stdin
  migrate
Database: CHECKPOST_DATABASE_URL (default ${DEFAULT_DATABASE_URL})`

/** Runs one CLI invocation; resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  output: CliOutput = processOutput,
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        description: { type: 'string' },
        role: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        email: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    const [group, action, id] = positionals
    if (values.help || group === undefined) {
      output.out(USAGE)
      return values.help ? 0 : 1
    }
    const database = openDatabase(env)
    try {
      await migrateToLatest(database.db, plugins)
      const ctx: CommandContext = { database, output, json: values.json }
      if (group === 'users') await dispatchUsers(ctx, { action, id, values, stdin: output.stdin ?? process.stdin })
      else await dispatch(ctx, { group, action, id, values })
    } finally {
      await database.close()
    }
    return 0
  } catch (error) {
    output.err(`checkpost: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

interface Parsed {
  group: string
  action: string | undefined
  id: string | undefined
  values: { name?: string; description?: string; role?: string[] }
}

async function dispatch(ctx: CommandContext, { group, action, id, values }: Parsed): Promise<void> {
  const command = `${group} ${action ?? ''}`.trim()
  switch (command) {
    case 'applications create':
      if (!values.name) throw new CliError('applications create needs --name NAME')
      return createApplicationCommand(ctx, { name: values.name, description: values.description, roles: values.role ?? [] })
    case 'applications list':
      return listApplicationsCommand(ctx)
    case 'applications regenerate':
      return regenerateCommand(ctx, requireId(id, command))
    case 'applications delete':
      return deleteCommand(ctx, requireId(id, command))
    case 'roles list':
      return listRolesCommand(ctx)
    case 'migrate':
      ctx.output.out('Migrations are up to date.')
      return
    default:
      throw new CliError(`Unknown command "${command}". Run checkpost --help`)
  }
}

function requireId(id: string | undefined, command: string): string {
  if (!id) throw new CliError(`${command} needs an ID`)
  return id
}

function openDatabase(env: Readonly<Record<string, string | undefined>>) {
  try {
    const config = readDatabaseConfig(env)
    return createDatabase(config.databaseUrl, { schema: config.databaseSchema, poolSize: 2 })
  } catch (error) {
    throw new CliError(`Cannot open database: ${error instanceof Error ? error.message : String(error)}`)
  }
}

interface UsersParsed {
  action: string | undefined
  id: string | undefined
  values: { name?: string; email?: string; role?: string[]; 'password-stdin'?: boolean }
  stdin: AsyncIterable<Buffer | string>
}

/** The `users …` commands (their logic lives in users-commands.ts). */
async function dispatchUsers(ctx: CommandContext, { action, id, values, stdin }: UsersParsed): Promise<void> {
  const password = async (command: string) => {
    if (!values['password-stdin']) throw new CliError(`${command} needs --password-stdin (the password is never an argument)`)
    return readPasswordLine(stdin)
  }
  switch (action ?? '') {
    case 'create':
      if (!values.email || !values.name) throw new CliError('users create needs --email EMAIL and --name NAME')
      return createUserCommand(ctx, { email: values.email, name: values.name, roles: values.role ?? [], password: await password('users create') })
    case 'list':
      return listUsersCommand(ctx)
    case 'delete':
      return deleteUserCommand(ctx, requireId(id, 'users delete'))
    case 'set-password':
      return setPasswordCommand(ctx, requireId(id, 'users set-password'), await password('users set-password'))
    default:
      throw new CliError(`Unknown command "users ${action ?? ''}". Run checkpost --help`)
  }
}
