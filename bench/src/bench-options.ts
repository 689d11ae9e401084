import { parseArgs } from 'node:util'

/** How big a run is: `--quick` for the smoke test, the defaults for the real figures. */
export interface BenchOptions {
  readonly rounds: number
  readonly durationSec: number
  readonly connections: number
  readonly applications: number
  readonly activeKeys: number
  readonly batchIterations: number
  readonly ingestBatches: number
  readonly quick: boolean
}

export function readBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
    },
  })
  const quick = values.quick
  const int = (raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1) throw new Error(`expected a positive integer, got "${raw}"`)
    return value
  }
  return {
    quick,
    rounds: int(values.rounds, quick ? 1 : 3),
    durationSec: int(values.duration, quick ? 1 : 5),
    connections: int(values.connections, quick ? 8 : 64),
    applications: quick ? 1_000 : 100_000,
    activeKeys: quick ? 100 : 10_000,
    batchIterations: quick ? 3 : 20,
    ingestBatches: quick ? 3 : 20,
  }
}
