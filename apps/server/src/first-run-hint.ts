import type { Database } from '@checkpost/db'
import type { Logger } from '@checkpost/server'

/** The commands that make the first admin credentials, as printed on an empty database. */
export const FIRST_ADMIN_COMMANDS = {
  application: 'applications create --name admin --role admin --json',
  user: 'users create --email EMAIL --name NAME --role admin --password-stdin',
} as const

/** How to run the CLI from the repository root: with npm when npm started us (pnpm may be absent from PATH). */
export function cliCommand(args: string, userAgent = process.env.npm_config_user_agent ?? ''): string {
  return userAgent.startsWith('npm/') ? `npm run -s checkpost -- ${args}` : `pnpm -s checkpost ${args}`
}

/**
 * On a database with no application (and no user, when auth-users is mounted),
 * logs the exact command that creates the first admin key: nothing can call
 * the API before one exists.
 */
export async function logFirstRunHint(database: Database, options: { logger: Logger; pluginIds: readonly string[] }): Promise<void> {
  if (await hasAny(database, 'auth_applications_applications')) return
  const withUsers = options.pluginIds.includes('auth-users')
  if (withUsers && (await hasAny(database, 'auth_users_users'))) return
  const commands = (withUsers ? [FIRST_ADMIN_COMMANDS.application, FIRST_ADMIN_COMMANDS.user] : [FIRST_ADMIN_COMMANDS.application]).map((args) =>
    cliCommand(args),
  )
  options.logger.info(`empty database: create the first admin key with \`${commands[0]}\``, { commands })
}

async function hasAny(database: Database, table: string): Promise<boolean> {
  try {
    const row = await database.db.selectFrom(table).select(database.db.fn.countAll().as('n')).executeTakeFirst()
    return Number(row?.n ?? 0) > 0
  } catch {
    return true // a table we do not know the shape of: say nothing rather than something wrong
  }
}
