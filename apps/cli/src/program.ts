import { DEFAULT_DATABASE_URL } from '@checkpost/db'
import { Command } from 'commander'
import packageJson from '../package.json' with { type: 'json' }
import { registerApplicationCommands } from './application-commands.ts'
import type { CliSession } from './cli-session.ts'
import type { CommandGroup } from './command-group.ts'
import { registerMigrateCommand } from './migrate-command.ts'
import { registerRoleCommands } from './role-commands.ts'
import { registerUserCommands } from './users-command-group.ts'

/** Every command group, in the order `--help` lists them. A new group = one file + one entry here. */
export const COMMAND_GROUPS: readonly CommandGroup[] = [
  registerApplicationCommands,
  registerRoleCommands,
  registerUserCommands,
  registerMigrateCommand,
]

/**
 * The `checkpost` program: parses and validates everything before a command
 * opens the database; help goes to stdout, errors are one line on stderr.
 */
export function createProgram(session: CliSession): Command {
  const program = new Command('checkpost')
    .description('Checkpost admin CLI: works directly on the database the server uses')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpText('after', `\nDatabase: CHECKPOST_DATABASE_URL (default ${DEFAULT_DATABASE_URL}), CHECKPOST_DATABASE_SCHEMA for Postgres.`)
  for (const register of COMMAND_GROUPS) register(program, session)
  configure(program, session)
  return program
}

/** Every command (groups and leaves) throws instead of exiting, writes through the session, refuses extra arguments. */
function configure(command: Command, session: CliSession): void {
  command
    .exitOverride()
    .allowExcessArguments(false)
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => session.output.out(text.replace(/\n$/, '')),
      writeErr: (text) => session.output.err(text.replace(/\n$/, '')),
      outputError: (text, write) => write(`checkpost: ${text.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()}\n`),
    })
  command.commands.forEach((sub) => configure(sub, session))
}
