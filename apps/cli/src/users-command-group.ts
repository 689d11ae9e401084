import { Option } from 'commander'
import { CliError } from './cli-error.ts'
import { JSON_FLAG, type CommandGroup } from './command-group.ts'
import { readPasswordLine } from './read-password.ts'
import { createUserCommand, deleteUserCommand, listUsersCommand, setPasswordCommand } from './users-commands.ts'

const PASSWORD_FLAG = ['--password-stdin', 'read the password as one line from stdin (never an argument)'] as const

interface CreateOptions {
  email: string
  name: string
  role?: string[]
  passwordStdin?: boolean
  json?: boolean
}

/** `checkpost users create|list|delete|set-password` (their logic: users-commands.ts). */
export const registerUserCommands: CommandGroup = (program, session) => {
  const group = program.command('users').description('create, list and delete users; set their passwords')
  const password = async (options: { passwordStdin?: boolean }, command: string) => {
    if (!options.passwordStdin) throw new CliError(`${command} needs --password-stdin (the password is never an argument)`)
    return readPasswordLine(session.output.stdin ?? process.stdin)
  }
  group
    .command('create')
    .description('create a user who signs in with email and password')
    .requiredOption('--email <email>', 'sign-in email (unique, case-insensitive)')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'a role id or name to give (repeatable)').argParser(collect))
    .option(...PASSWORD_FLAG)
    .option(...JSON_FLAG)
    .action(async (options: CreateOptions) => {
      const secret = await password(options, 'users create')
      await session.run((ctx) =>
        createUserCommand({ ...ctx, json: options.json === true }, { email: options.email, name: options.name, roles: options.role ?? [], password: secret }),
      )
    })
  group
    .command('list')
    .description('list users with their roles (never a password hash)')
    .option(...JSON_FLAG)
    .action(async (options: { json?: boolean }) => session.run((ctx) => listUsersCommand({ ...ctx, json: options.json === true })))
  group
    .command('delete')
    .description('delete a user; its sessions, keys and memberships go with it')
    .argument('<id>', 'the user id (a UUID)')
    .action(async (id: string) => session.run((ctx) => deleteUserCommand({ ...ctx, json: false }, id)))
  group
    .command('set-password')
    .description("set a user's password")
    .argument('<id>', 'the user id (a UUID)')
    .option(...PASSWORD_FLAG)
    .action(async (id: string, options: { passwordStdin?: boolean }) => {
      const secret = await password(options, 'users set-password')
      await session.run((ctx) => setPasswordCommand({ ...ctx, json: false }, id, secret))
    })
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value]
}
