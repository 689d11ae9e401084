import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { CHECKPOST_BUNDLE, CHECKPOST_BUNDLE_ENV, CHECKPOST_NODE_FLAGS } from '../bundle-server.ts'
import { roundsFigure, type Figure } from '../figures.ts'
import { say } from '../say.ts'
import { postJson, spawnServer, type SpawnOptions } from '../server-process.ts'
import { GET_SYSTEMS } from './ceilings.ts'

/**
 * Target 7: process spawn to the first 200 answer of an authenticated
 * getSystems (polled every 5 ms from spawn), with an existing database: the
 * README's `pnpm start` and the bundle alone, alternating.
 */
export async function measureColdStart(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const ready = async (url: string) => {
    const response = await postJson(`${url}/api/catalog/`, GET_SYSTEMS, db.adminKey)
    await response.arrayBuffer()
    return response.status === 200
  }
  const env = { CHECKPOST_DATABASE_URL: db.url }
  const variants: Record<'bundle' | 'start', SpawnOptions & { script: string }> = {
    bundle: { script: CHECKPOST_BUNDLE, env: { ...CHECKPOST_BUNDLE_ENV, ...env }, ready, nodeArgs: CHECKPOST_NODE_FLAGS },
    start: { script: 'pnpm start', command: ['pnpm', '--silent', 'start'], env, ready },
  }
  const times: Record<keyof typeof variants, number[]> = { bundle: [], start: [] }
  for (let round = 0; round < options.coldStarts; round++) {
    for (const kind of ['bundle', 'start'] as const) {
      const { script, ...spawnOptions } = variants[kind]
      const server = await spawnServer(script, spawnOptions)
      times[kind].push(server.startedMs)
      await server.stop()
    }
    say(`    round ${round + 1}: bundle ${Math.round(times.bundle.at(-1)!)} ms, pnpm start ${Math.round(times.start.at(-1)!)} ms`)
  }
  return [
    roundsFigure('7. cold start to first authenticated answer, `pnpm start`', times.start, { unit: 'ms', target: '< 1,500', test: (v) => v < 1500 }),
    roundsFigure('7. the same, the bundle alone (`node apps/server/dist/main.js`)', times.bundle, { unit: 'ms', target: '< 500', test: (v) => v < 500 }),
  ]
}
