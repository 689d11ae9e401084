import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { median, type Figure } from '../figures.ts'
import { CHECKPOST_MAIN, spawnServer } from '../server-process.ts'

/** Target 7: process spawn to the first answered authenticated request, with an existing database. */
export async function measureColdStart(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const times: number[] = []
  for (let round = 0; round < Math.max(3, options.rounds); round++) {
    const started = performance.now()
    const server = await spawnServer(CHECKPOST_MAIN, { CHECKPOST_DATABASE_URL: db.url })
    try {
      const response = await fetch(`${server.url}/api/catalog/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${db.adminKey}`, 'content-type': 'application/json' },
        body: '{"getSystems": {}}',
      })
      if (response.status !== 200) throw new Error(`cold start request answered ${response.status}`)
      await response.arrayBuffer()
      times.push(performance.now() - started)
    } finally {
      await server.stop()
    }
  }
  const ms = median(times)
  return [{ label: '7. cold start to first authenticated answer', value: ms, unit: 'ms', target: '< 1,500', holds: ms < 1500 }]
}
