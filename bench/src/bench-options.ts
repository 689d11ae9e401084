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
  readonly coldStarts: number
  readonly quick: boolean
  /** Write `--cpu-prof` profiles of the Checkpost server under load into this folder. */
  readonly profileDir?: string
  /** A Postgres server to create bench databases on; Postgres figures are n/a without one. */
  readonly postgresUrl?: string
  /** Run only these suites (`--only key-checks,flood`); all when absent. A partial run never rewrites RESULTS.md. */
  readonly only?: ReadonlySet<SuiteName>
}

/** The suites of `pnpm bench`, in the order they run. */
export const SUITE_NAMES = ['ceilings', 'batching', 'ingestion', 'growth', 'flood', 'key-checks', 'cold-start', 'postgres', 'scale'] as const
export type SuiteName = (typeof SUITE_NAMES)[number]

export const USAGE = `pnpm bench [--quick] [--rounds N] [--duration SEC] [--connections N]
           [--applications N] [--active-keys N] [--cold-starts N] [--profile DIR]
           [--postgres URL] [--only SUITE[,SUITE…]]
Suites: ${SUITE_NAMES.join(', ')}.
Each option can also come from the environment: BENCH_ROUNDS, BENCH_DURATION,
BENCH_CONNECTIONS, BENCH_APPLICATIONS, BENCH_ACTIVE_KEYS, BENCH_COLD_STARTS,
BENCH_PROFILE_DIR, BENCH_ONLY, BENCH_QUICK=1; BENCH_LOAD_GENERATOR=autocannon skips wrk;
CHECKPOST_BENCH_POSTGRES_URL (else CHECKPOST_TEST_POSTGRES_URL) for --postgres.
A full run exits 1 when a target misses and rewrites bench/RESULTS.md.`

type Env = Readonly<Record<string, string | undefined>>

/** Flags win over the environment, which wins over the defaults of the mode. */
export function readBenchOptions(argv: readonly string[], env: Env = process.env): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      applications: { type: 'string' },
      'active-keys': { type: 'string' },
      'cold-starts': { type: 'string' },
      profile: { type: 'string' },
      postgres: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean' },
    },
  })
  if (values.help) {
    process.stdout.write(USAGE + '\n')
    process.exit(0)
  }
  const quick = values.quick ?? (env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true')
  const int = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"\n${USAGE}`)
    return value
  }
  const rounds = int('rounds', values.rounds ?? env.BENCH_ROUNDS, quick ? 1 : 5)
  const applications = int('applications', values.applications ?? env.BENCH_APPLICATIONS, quick ? 1_000 : 100_000)
  const profileDir = values.profile ?? env.BENCH_PROFILE_DIR
  const postgresUrl = values.postgres ?? (env.CHECKPOST_BENCH_POSTGRES_URL || env.CHECKPOST_TEST_POSTGRES_URL)
  const only = readSuites(values.only ?? env.BENCH_ONLY)
  return {
    quick,
    rounds,
    durationSec: int('duration', values.duration ?? env.BENCH_DURATION, quick ? 1 : 5),
    connections: int('connections', values.connections ?? env.BENCH_CONNECTIONS, quick ? 8 : 64),
    applications,
    activeKeys: Math.min(applications, int('active-keys', values['active-keys'] ?? env.BENCH_ACTIVE_KEYS, quick ? 100 : 10_000)),
    batchIterations: quick ? 3 : 20,
    ingestBatches: quick ? 3 : 20,
    coldStarts: int('cold-starts', values['cold-starts'] ?? env.BENCH_COLD_STARTS, Math.max(3, rounds)),
    ...(profileDir ? { profileDir } : {}),
    ...(postgresUrl ? { postgresUrl } : {}),
    ...(only ? { only } : {}),
  }
}

function readSuites(raw: string | undefined): ReadonlySet<SuiteName> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  const names = raw.split(',').map((name) => name.trim())
  const unknown = names.filter((name) => !(SUITE_NAMES as readonly string[]).includes(name))
  if (unknown.length > 0) throw new Error(`Unknown suite ${unknown.map((name) => `"${name}"`).join(', ')}\n${USAGE}`)
  return new Set(names as SuiteName[])
}
