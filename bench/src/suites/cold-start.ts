import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { CHECKPOST_BUNDLE } from '../bundle-server.ts'
import { median, targetFigure, type Figure } from '../figures.ts'
import { say } from '../say.ts'
import { ROOT, postJson, spawnServer } from '../server-process.ts'
import { GET_SYSTEMS } from './ceilings.ts'

/**
 * Target 7: process spawn to the first 200 answer of an authenticated
 * getSystems (polled every 5 ms from spawn), with an existing database. The
 * bundled server is the target; `tsx src/main.ts` (what `pnpm start` runs) is
 * shown beside it. Spawns of the two alternate.
 */
export async function measureColdStart(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const ready = async (url: string) => {
    const response = await postJson(`${url}/api/catalog/`, GET_SYSTEMS, db.adminKey)
    await response.arrayBuffer()
    return response.status === 200
  }
  const scripts = { bundle: CHECKPOST_BUNDLE, tsx: `${ROOT}apps/server/src/main.ts` }
  const times: Record<keyof typeof scripts, number[]> = { bundle: [], tsx: [] }
  for (let round = 0; round < options.coldStarts; round++) {
    for (const kind of ['bundle', 'tsx'] as const) {
      const server = await spawnServer(scripts[kind], { env: { CHECKPOST_DATABASE_URL: db.url }, ready })
      times[kind].push(server.startedMs)
      await server.stop()
    }
    say(`    round ${round + 1}: bundled ${Math.round(times.bundle.at(-1)!)} ms, tsx ${Math.round(times.tsx.at(-1)!)} ms`)
  }
  return [
    targetFigure('7. cold start to first authenticated answer (bundled)', median(times.bundle), { unit: 'ms', target: '< 1,500', test: (v) => v < 1500 }),
    { label: '7. the same through tsx (`pnpm start`)', value: median(times.tsx), unit: 'ms' },
  ]
}
