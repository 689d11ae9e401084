import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { median, type Figure } from '../figures.ts'
import { runLoad } from '../load.ts'
import { CHECKPOST_MAIN, spawnServer } from '../server-process.ts'

const BODY = '{"getSystems": {}}'
const FLOOD_CONNECTIONS = 32

/**
 * Target 6: valid callers' rate alone, then beside a flood of wrong secrets for
 * the same (known) application id on 32 connections, alternating.
 */
export async function measureFlood(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const server = await spawnServer(CHECKPOST_MAIN, { CHECKPOST_DATABASE_URL: db.url })
  const url = `${server.url}/api/catalog/`
  const wrongKey = `ck_${db.adminId}_${'W'.repeat(43)}`
  const connections = Math.min(FLOOD_CONNECTIONS, options.connections)
  const ratios: number[] = []
  let timeouts = 0
  try {
    for (let round = 0; round < options.rounds; round++) {
      const valid = { url, body: BODY, key: db.adminKey, connections, durationSec: options.durationSec }
      const alone = await runLoad(valid)
      const [during, flood] = await Promise.all([runLoad(valid), runLoad({ ...valid, key: wrongKey })])
      ratios.push(during.rps / alone.rps)
      timeouts += alone.timeouts + during.timeouts + flood.timeouts
    }
  } finally {
    await server.stop()
  }
  const ratio = median(ratios)
  return [
    { label: '6. valid req/s under a wrong-secret flood / alone', value: ratio, unit: '×', target: '≥ 0.50', holds: ratio >= 0.5 },
    { label: '6. requests timed out during the flood runs', value: timeouts, unit: '', target: '0', holds: timeouts === 0 },
  ]
}
