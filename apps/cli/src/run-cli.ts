import { CommanderError } from 'commander'
import { CliError } from './cli-error.ts'
import { createCliSession } from './cli-session.ts'
import { processOutput, type CliOutput } from './output.ts'
import { createProgram } from './program.ts'

/** Exit codes: 0 done, 1 the command failed, 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** Runs one CLI invocation; resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  output: CliOutput = processOutput,
): Promise<number> {
  const program = createProgram(createCliSession(env, output))
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    const message = error instanceof CliError || error instanceof Error ? error.message : String(error)
    output.err(`checkpost: ${message}`)
    return EXIT.failed
  }
}
