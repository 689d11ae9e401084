import { listRoles } from '@checkpost/auth-applications-server'
import { JSON_FLAG, type CommandGroup } from './command-group.ts'
import { formatRole } from './output.ts'

/** `checkpost roles list`. */
export const registerRoleCommands: CommandGroup = (program, session) => {
  const group = program.command('roles').description('list roles and the access rules they hold')
  group
    .command('list')
    .description('list roles, built-in ones included')
    .option(...JSON_FLAG)
    .action(async (options: { json?: boolean }) =>
      session.run(async ({ database, output }) => {
        const roles = await listRoles(database.db)
        if (options.json) output.out(JSON.stringify({ roles }))
        else roles.forEach((role) => output.out(formatRole(role)))
      }),
    )
}
