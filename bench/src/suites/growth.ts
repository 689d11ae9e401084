import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { spawnCheckpost } from '../bundle-server.ts'
import { median, targetFigure, type Figure } from '../figures.ts'
import { describeRun, runLoad } from '../load.ts'
import { say } from '../say.ts'
import { postJson } from '../server-process.ts'
import { GET_SYSTEMS } from './ceilings.ts'

/**
 * Target 5: the authenticated call's rate with 10 applications against many,
 * alternating; then the large server's memory once `activeKeys` distinct keys
 * have each been used twice (verified once, then served from the cache).
 */
export async function measureGrowth(small: BenchDatabase, large: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const smallServer = await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: small.url } })
  const largeServer = await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: large.url } })
  const ratios: number[] = []
  let failed = 0
  let memory = { rss: NaN, peak: NaN }
  try {
    for (let round = 0; round < options.rounds; round++) {
      const load = { body: GET_SYSTEMS, connections: options.connections, durationSec: options.durationSec }
      const few = await runLoad({ ...load, url: `${smallServer.url}/api/catalog/`, key: small.adminKey })
      const many = await runLoad({ ...load, url: `${largeServer.url}/api/catalog/`, key: large.adminKey })
      say(describeRun(`round ${round + 1}, 10 applications`, few))
      say(describeRun(`round ${round + 1}, ${options.applications}`, many))
      failed += few.non2xx + few.timeouts + few.socketErrors + many.non2xx + many.timeouts + many.socketErrors
      ratios.push(many.rps / few.rps)
    }
    const started = performance.now()
    await useEveryKey(largeServer.url, large.extraKeys)
    say(`    ${large.extraKeys.length} distinct keys verified in ${Math.round(performance.now() - started)} ms`)
    await useEveryKey(largeServer.url, large.extraKeys)
    memory = largeServer.memoryMb()
  } finally {
    await Promise.all([smallServer.stop(), largeServer.stop()])
  }
  const apps = options.applications.toLocaleString('en-US')
  const keys = options.activeKeys.toLocaleString('en-US')
  return [
    targetFigure(`5. req/s with ${apps} applications / with 10`, median(ratios), { unit: '×', target: '≥ 0.90', test: (v) => v >= 0.9 }),
    targetFigure('5. failed answers in the growth runs', failed, { unit: '', target: '0', test: (v) => v === 0 }),
    { label: `5. RSS now, ${apps} applications, ${keys} keys in use`, value: memory.rss, unit: 'MB' },
    targetFigure(`5. peak RSS, ${apps} applications, ${keys} keys in use`, memory.peak, { unit: 'MB', target: '< 200', test: (v) => v < 200 }),
  ]
}

/** Calls getSystems once with every key, 16 at a time, and checks each was accepted. */
async function useEveryKey(url: string, keys: readonly string[]): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < keys.length) {
      const index = next++
      const response = await postJson(`${url}/api/catalog/`, GET_SYSTEMS, keys[index])
      if (response.status !== 200) throw new Error(`key ${index} answered ${response.status}: ${await response.text()}`)
      await response.arrayBuffer()
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
}
