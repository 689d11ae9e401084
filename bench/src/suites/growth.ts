import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { median, type Figure } from '../figures.ts'
import { runLoad } from '../load.ts'
import { CHECKPOST_MAIN, spawnServer } from '../server-process.ts'

const BODY = '{"getSystems": {}}'

/**
 * Target 5: the authenticated call's rate with 10 applications against many,
 * alternating; then the large server's RSS once `activeKeys` distinct keys
 * have all been used (each verified once, then cached).
 */
export async function measureGrowth(small: BenchDatabase, large: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const env = (db: BenchDatabase) => ({ CHECKPOST_DATABASE_URL: db.url })
  const smallServer = await spawnServer(CHECKPOST_MAIN, env(small))
  const largeServer = await spawnServer(CHECKPOST_MAIN, env(large))
  const ratios: number[] = []
  let rss = 0
  try {
    for (let round = 0; round < options.rounds; round++) {
      const load = { body: BODY, connections: options.connections, durationSec: options.durationSec }
      const few = await runLoad({ ...load, url: `${smallServer.url}/api/catalog/`, key: small.adminKey })
      const many = await runLoad({ ...load, url: `${largeServer.url}/api/catalog/`, key: large.adminKey })
      ratios.push(many.rps / few.rps)
    }
    await useEveryKey(largeServer.url, large.extraKeys)
    rss = largeServer.rssMb()
  } finally {
    await Promise.all([smallServer.stop(), largeServer.stop()])
  }
  const ratio = median(ratios)
  const apps = options.applications.toLocaleString('en-US')
  const keys = options.activeKeys.toLocaleString('en-US')
  return [
    { label: `5. req/s with ${apps} applications / with 10`, value: ratio, unit: '×', target: '≥ 0.90', holds: ratio >= 0.9 },
    { label: `5. RSS, ${apps} applications, ${keys} keys in use`, value: rss, unit: 'MB', target: '< 200', holds: rss < 200 },
  ]
}

/** Calls getSystems once with every key, 16 at a time, and checks each was accepted. */
async function useEveryKey(url: string, keys: readonly string[]): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++]!
      const response = await fetch(`${url}/api/catalog/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: BODY,
      })
      if (response.status !== 200) throw new Error(`key ${next} answered ${response.status}`)
      await response.arrayBuffer()
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
}
