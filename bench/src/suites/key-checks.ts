import { join } from 'node:path'
import { createApplication } from '@checkpost/auth-applications-server'
import { createDatabase, runInTransaction } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { spawnCheckpost } from '../bundle-server.ts'
import { roundsFigure, targetFigure, type Figure } from '../figures.ts'
import { describeRun, runLoad, type LoadOptions } from '../load.ts'
import { say } from '../say.ts'
import { runAgainst, type ServerRun } from '../server-run.ts'
import { postJson, type ServerProcess } from '../server-process.ts'
import { GET_SYSTEMS } from './ceilings.ts'

/**
 * A limit the load never reaches (the largest the API takes, per second), and an
 * allowlist holding the caller (127.0.0.1) last, after IPv4 and IPv6 ranges it
 * must be matched against first.
 */
export const KEY_SETTINGS = {
  rateLimit: { requests: 1_000_000, windowSeconds: 1 },
  allowedIps: [
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '100.64.0.0/10',
    '198.51.100.0/24',
    '203.0.113.0/24',
    '2001:db8::/32',
    'fd00::/8',
    '127.0.0.1/32',
  ],
}

type Variant = 'plain' | 'checked'

/**
 * Target 9: the authenticated getSystems by a key with a rate limit and a
 * source allowlist, against the same call by a key without them: both admin
 * keys made by the product, on one server process, same data, alternating
 * A B, B A, … after an unmeasured warm-up of both, so neither variant always
 * runs first or pays for JIT compilation. With `profileDir`, one
 * extra profiled server per variant afterwards writes `key-checks-{variant}/`.
 */
export async function measureKeyChecks(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const keys = await createKeys(db)
  const server = await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: db.url } })
  const runs: Record<Variant, ServerRun[]> = { plain: [], checked: [] }
  const loadOf = (url: string, variant: Variant): LoadOptions => ({
    url: `${url}/api/catalog/`,
    body: GET_SYSTEMS,
    key: keys[variant],
    connections: options.connections,
    durationSec: options.durationSec,
  })
  try {
    await checkVariants(server, keys)
    // Unmeasured warm-up of both variants: JIT compilation (whose threads count in the
    // process's CPU time) would otherwise land on the first round's variant.
    for (const variant of ['plain', 'checked'] as const) await runLoad({ ...loadOf(server.url, variant), durationSec: options.durationSec })
    for (let round = 0; round < options.rounds; round++) {
      const order: Variant[] = round % 2 === 0 ? ['plain', 'checked'] : ['checked', 'plain']
      for (const variant of order) {
        const result = await runAgainst([server], loadOf(server.url, variant))
        say(describeRun(`round ${round + 1}, ${variant}`, result))
        runs[variant].push(result)
      }
    }
  } finally {
    await server.stop()
  }
  if (options.profileDir) await profileVariants(db, options.profileDir, (url, variant) => loadOf(url, variant))
  return figuresOf(runs)
}

function figuresOf(runs: Record<Variant, ServerRun[]>): Figure[] {
  const rpsRatios = runs.checked.map((r, i) => r.rps / runs.plain[i]!.rps)
  const cpuRatios = runs.checked.map((r, i) => runs.plain[i]!.cpuMsPerRequest / r.cpuMsPerRequest)
  const micro = (variant: Variant) => runs[variant].map((r) => r.cpuMsPerRequest * 1000)
  const failed = [...runs.plain, ...runs.checked].reduce((sum, r) => sum + r.non2xx + r.timeouts + r.socketErrors, 0)
  return [
    roundsFigure('key without rate limit or allowlist getSystems', runs.plain.map((r) => r.rps), { unit: 'req/s' }),
    roundsFigure('key with rate limit + allowlist getSystems', runs.checked.map((r) => r.rps), { unit: 'req/s' }),
    roundsFigure('server CPU per request, key without rate limit or allowlist', micro('plain'), { unit: 'µs' }),
    roundsFigure('server CPU per request, key with rate limit + allowlist', micro('checked'), { unit: 'µs' }),
    roundsFigure('9. rate limit + allowlist / without req/s', rpsRatios, { unit: '×', target: '≥ 0.90', test: (v) => v >= 0.9 }),
    roundsFigure('9. CPU per request without / with rate limit + allowlist', cpuRatios, { unit: '×', target: '≥ 0.90', test: (v) => v >= 0.9 }),
    targetFigure('9. failed answers (non-2xx, timeouts, socket errors)', failed, { unit: '', target: '0', test: (v) => v === 0 }),
  ]
}

/** Both keys answer 200; only the checked one carries RateLimit-* headers (its settings are really on). */
async function checkVariants(server: ServerProcess, keys: Record<Variant, string>): Promise<void> {
  for (const variant of ['plain', 'checked'] as const) {
    const response = await postJson(`${server.url}/api/catalog/`, GET_SYSTEMS, keys[variant])
    const text = await response.text()
    if (response.status !== 200) throw new Error(`getSystems (${variant} key) answered ${response.status}: ${text}`)
    const limited = response.headers.has('ratelimit-limit')
    if (limited !== (variant === 'checked')) throw new Error(`the ${variant} key ${limited ? 'is' : 'is not'} rate limited`)
  }
}

/** One profiled server per variant, so each profile shows that variant's hot path alone. */
async function profileVariants(db: BenchDatabase, dir: string, loadOf: (url: string, variant: Variant) => LoadOptions): Promise<void> {
  for (const variant of ['plain', 'checked'] as const) {
    const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${join(dir, `key-checks-${variant}`)}`]
    const server = await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: db.url }, nodeArgs })
    try {
      await runAgainst([server], loadOf(server.url, variant))
    } finally {
      await server.stop()
    }
  }
}

export async function createKeys(db: BenchDatabase): Promise<Record<Variant, string>> {
  const database = createDatabase(db.url)
  try {
    return await runInTransaction(database, async (trx) => {
      const make = (name: string, settings = {}) =>
        createApplication(trx, { name, roleIds: ['admin'], createdBy: 'bench', ...settings }, systemClock)
      return { plain: (await make('bench-plain')).secret, checked: (await make('bench-checked', KEY_SETTINGS)).secret }
    })
  } finally {
    await database.close()
  }
}
