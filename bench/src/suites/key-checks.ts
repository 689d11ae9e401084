import { createApplication } from '@checkpost/auth-applications-server'
import { createDatabase, runInTransaction } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { CHECKPOST_BUNDLE } from '../bundle-server.ts'
import { median, targetFigure, type Figure } from '../figures.ts'
import { describeRun, runLoad, type LoadResult } from '../load.ts'
import { say } from '../say.ts'
import { postJson, spawnServer } from '../server-process.ts'
import { GET_SYSTEMS } from './ceilings.ts'

/** A limit the load never reaches, and an allowlist the caller (127.0.0.1) is in, after other ranges. */
const KEY_SETTINGS = {
  rateLimit: { requests: 1_000_000, windowSeconds: 1 },
  allowedIps: ['10.0.0.0/8', '192.168.0.0/16', '2001:db8::/32', '127.0.0.0/8'],
}

/**
 * Target 8: the authenticated getSystems with a rate limit and a source
 * allowlist on, against the same call by a key without them, on one server,
 * alternating (A B A B …). Both keys are admin keys made by the product itself.
 */
export async function measureKeyChecks(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const keys = await createKeys(db)
  const server = await spawnServer(CHECKPOST_BUNDLE, { env: { CHECKPOST_DATABASE_URL: db.url } })
  const runs: Record<'plain' | 'checked', LoadResult[]> = { plain: [], checked: [] }
  try {
    for (const key of Object.values(keys)) {
      const response = await postJson(`${server.url}/api/catalog/`, GET_SYSTEMS, key)
      if (response.status !== 200) throw new Error(`getSystems answered ${response.status}: ${await response.text()}`)
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const variant of ['plain', 'checked'] as const) {
        const load = { url: `${server.url}/api/catalog/`, body: GET_SYSTEMS, key: keys[variant], connections: options.connections, durationSec: options.durationSec }
        const result = await runLoad(load)
        say(describeRun(`round ${round + 1}, ${variant}`, result))
        runs[variant].push(result)
      }
    }
  } finally {
    await server.stop()
  }
  const ratio = median(runs.checked.map((r, i) => r.rps / runs.plain[i]!.rps))
  const failed = [...runs.plain, ...runs.checked].reduce((sum, r) => sum + r.non2xx + r.timeouts + r.socketErrors, 0)
  return [
    { label: 'key without rate limit or allowlist getSystems', value: median(runs.plain.map((r) => r.rps)), unit: 'req/s' },
    { label: 'key with rate limit + allowlist getSystems', value: median(runs.checked.map((r) => r.rps)), unit: 'req/s' },
    targetFigure('8. rate limit + allowlist / without req/s', ratio, { unit: '×', target: '≥ 0.90', test: (v) => v >= 0.9 }),
    targetFigure('8. failed answers (non-2xx, timeouts, socket errors)', failed, { unit: '', target: '0', test: (v) => v === 0 }),
  ]
}

async function createKeys(db: BenchDatabase): Promise<{ plain: string; checked: string }> {
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
