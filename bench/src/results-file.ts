import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { ROOT } from './server-process.ts'

/** The 1, 5 and 15 minute load averages, as printed. */
export function loadAverage(): string {
  return loadavg().map((n) => n.toFixed(2)).join(' ')
}

/** CPUs, memory and Node version, as printed and written. */
export function describeMachine(): string {
  return `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

export interface RunRecord {
  readonly table: string
  readonly mode: string
  readonly startedAt: Date
  readonly loadBefore: string
  readonly loadAfter: string
  readonly missed: readonly string[]
}

/** Rewrites bench/RESULTS.md with the last full run: table, machine, load before and after. */
export function writeResults(run: RunRecord): void {
  const verdict = run.missed.length === 0 ? 'Every target held.' : `Missed: ${run.missed.join('; ')}.`
  const text = `# Benchmark results

Written by the last full \`pnpm bench\` run (${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC).

- Mode ${run.mode}; the variants of each figure alternate within every round, so each
  round's ratio compares runs that shared the same moment of the machine.
- Each value is the median over the rounds, with the lowest and highest round in
  brackets: that range is the spread. Ratios are medians of the per-round ratios.
- Server CPU per request is the server process's user + system time (from /proc)
  over the requests it answered in that run; it is disturbed far less than req/s by
  other load, since the load generator shares the machine.
- Machine: ${describeMachine()}. Load average (1/5/15 min) before: ${run.loadBefore}; after: ${run.loadAfter}.

${run.table}

${verdict}
`
  writeFileSync(`${ROOT}bench/RESULTS.md`, text)
}
