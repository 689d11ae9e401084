import type { Command } from 'commander'
import type { CliSession } from './cli-session.ts'

/** Adds one group of commands (e.g. `applications`) to the program; one file per group. */
export type CommandGroup = (program: Command, session: CliSession) => void

/** A one-line `--json` flag, the same on every command that prints data. */
export const JSON_FLAG = ['--json', 'print one JSON object on stdout'] as const
