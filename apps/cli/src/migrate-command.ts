import type { CommandGroup } from './command-group.ts'

/** `checkpost migrate`: applies pending migrations and says which. */
export const registerMigrateCommand: CommandGroup = (program, session) => {
  program
    .command('migrate')
    .description("apply every plugin's pending migrations (the server also does at start)")
    .action(async () =>
      session.run(async ({ applied, output }) => {
        if (applied.length === 0) {
          output.out('Migrations are up to date; nothing to apply.')
          return
        }
        output.out(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`)
        applied.forEach((name) => output.out(`  ${name}`))
      }),
    )
}
