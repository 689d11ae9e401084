import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { spawnCheckpost } from '../bundle-server.ts'
import { roundsFigure, targetFigure, type Figure } from '../figures.ts'
import { describeRun, runLoad } from '../load.ts'
import { say } from '../say.ts'
import { GET_SYSTEMS } from './ceilings.ts'

const FLOOD_CONNECTIONS = 32
const FLOOD_SOURCE = { 'X-Forwarded-For': '192.0.2.66' }

/**
 * Target 6: valid callers' rate of 2xx answers alone, then beside a flood of
 * well-formed wrong secrets for the same (known) application id on 32
 * connections, alternating. A valid caller's 429 or 401 counts against it.
 */
export async function measureFlood(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  // Failures are limited per source address: the flood comes from another address (X-Forwarded-For
  // through a trusted local proxy) than the valid callers, as an attacker's would.
  const server = await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: db.url, CHECKPOST_TRUSTED_PROXIES: '127.0.0.1' } })
  const url = `${server.url}/api/catalog/`
  const wrongKey = `ck_${db.adminId}_${'W'.repeat(43)}`
  const floodConnections = options.quick ? Math.min(FLOOD_CONNECTIONS, options.connections) : FLOOD_CONNECTIONS
  const validConnections = Math.min(FLOOD_CONNECTIONS, options.connections)
  const ratios: number[] = []
  let timeouts = 0
  let refusedValid = 0
  let floodAnswers = 0
  try {
    for (let round = 0; round < options.rounds; round++) {
      const valid = { url, body: GET_SYSTEMS, key: db.adminKey, connections: validConnections, durationSec: options.durationSec }
      const alone = await runLoad(valid)
      const [during, flood] = await Promise.all([runLoad(valid), runLoad({ ...valid, key: wrongKey, connections: floodConnections, headers: FLOOD_SOURCE })])
      say(describeRun(`round ${round + 1}, valid alone`, alone))
      say(describeRun(`round ${round + 1}, valid during flood`, during))
      say(describeRun(`round ${round + 1}, flood (all refused)`, flood))
      ratios.push(during.rps / alone.rps)
      timeouts += alone.timeouts + during.timeouts + flood.timeouts
      refusedValid += alone.non2xx + during.non2xx
      floodAnswers += flood.requests - flood.non2xx
    }
  } finally {
    await server.stop()
  }
  return [
    roundsFigure('6. valid req/s under a wrong-secret flood / alone', ratios, { unit: '×', target: '≥ 0.90', test: (v) => v >= 0.9 }),
    targetFigure('6. requests timed out during the flood runs', timeouts, { unit: '', target: '0', test: (v) => v === 0 }),
    targetFigure('6. valid requests refused (non-2xx)', refusedValid, { unit: '', target: '0', test: (v) => v === 0 }),
    targetFigure('6. wrong-secret requests answered 2xx', floodAnswers, { unit: '', target: '0', test: (v) => v === 0 }),
  ]
}
