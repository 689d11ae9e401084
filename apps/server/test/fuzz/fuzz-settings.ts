import { createHash } from 'node:crypto'
import { TEST_ENGINES } from '@checkpost/testing'

/**
 * The run's base seed: CHECKPOST_FUZZ_SEED when set (to replay a failure),
 * else a fresh one, so every CI run explores new inputs. Printed in every
 * summary and failure.
 */
export const FUZZ_SEED = Number(process.env.CHECKPOST_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** Multiplies every run count (CHECKPOST_FUZZ_SCALE=10 for a long local session). */
const SCALE = Number(process.env.CHECKPOST_FUZZ_SCALE ?? 1)

/** No request may take longer than this to answer. */
export const ANSWER_WITHIN_MS = 5_000

/** A property's seed, derived from the base seed and its name, so each replays alone with the same base. */
export function seedFor(name: string): number {
  return createHash('sha256').update(`${FUZZ_SEED}:${name}`).digest().readInt32BE(0)
}

/** Engines this run fuzzes: when Postgres is skipped, SQLite takes its share, so a run's total stays the same. */
const ENGINES_RUNNING = TEST_ENGINES.filter((engine) => !engine.skip).length

/** `runs` per engine when both run, scaled by CHECKPOST_FUZZ_SCALE and by the engines that run (at least 1). */
export function runsOf(runs: number): number {
  return Math.max(1, Math.round((runs * SCALE * TEST_ENGINES.length) / ENGINES_RUNNING))
}

/** How to replay a failure of `file`. */
export function replayHint(file: string): string {
  return `replay: CHECKPOST_FUZZ_SEED=${FUZZ_SEED} pnpm --filter @checkpost/server-app exec vitest run ${file}`
}

/** Inputs generated and requests sent by one suite, for its closing line. */
export class FuzzTally {
  inputs = 0
  requests = 0
  readonly procedures = new Set<string>()
  readonly statuses = new Map<number, number>()
  /**
   * `subjects` names what `answered` counts by (procedures, or plugins for
   * batches); `expectsSuccess` adds which of them never answered 200.
   */
  constructor(
    readonly suite: string,
    readonly options: { subjects?: string; expectsSuccess?: boolean } = {},
  ) {}

  /** Procedures that answered 200 at least once: the fuzzer got past validation into the handler. */
  readonly accepted = new Set<string>()

  /** Counts one answer of `procedure` by its status. */
  answered(procedure: string, status: number): void {
    this.requests++
    this.procedures.add(procedure)
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1)
    if (status === 200) this.accepted.add(procedure)
  }

  /** The closing line: counts, answers by status, and the seed. */
  summary(): string {
    const statuses = [...this.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`)
    const never = [...this.procedures].filter((procedure) => !this.accepted.has(procedure))
    const reach = never.length === 0 ? ', every one answered 200 at least once' : `, never 200: ${never.join(', ')}`
    const subjects = `${this.procedures.size} ${this.options.subjects ?? 'procedures'}${this.options.expectsSuccess === false ? '' : reach}`
    return `${this.suite}: ${this.inputs} generated inputs, ${this.requests} requests (${statuses.join(' ')}), ${subjects} (seed ${FUZZ_SEED})`
  }
}
