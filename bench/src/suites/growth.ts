import { join } from 'node:path'
import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { spawnCheckpost } from '../bundle-server.ts'
import { roundsFigure, targetFigure, type Figure } from '../figures.ts'
import { describeRun, runLoad, type LoadOptions } from '../load.ts'
import { say } from '../say.ts'
import { runAgainst, type ServerRun } from '../server-run.ts'
import { postJson, type ServerProcess } from '../server-process.ts'
import { GET_SYSTEMS } from './ceilings.ts'

type Size = 'few' | 'many'

/**
 * Target 5: the authenticated call's rate with 10 applications against many,
 * on two server processes, alternating few–many, many–few, … after an
 * unmeasured warm-up of both (JIT compilation and the first use of the admin
 * key, whose argon2 hash is then replaced, stay out of the rounds). Server CPU
 * per request is shown beside the rates: other load on the machine moves it
 * less. Then the large server's memory once `activeKeys` distinct keys have
 * each been used twice (verified once, then served from the cache). With
 * `profileDir`, one extra profiled server per size afterwards writes
 * `growth-{few,many}/`.
 */
export async function measureGrowth(small: BenchDatabase, large: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const databases: Record<Size, BenchDatabase> = { few: small, many: large }
  const servers: Record<Size, ServerProcess> = {
    few: await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: small.url } }),
    many: await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: large.url } }),
  }
  const loadOf = (server: ServerProcess, size: Size): LoadOptions => ({
    url: `${server.url}/api/catalog/`,
    body: GET_SYSTEMS,
    key: databases[size].adminKey,
    connections: options.connections,
    durationSec: options.durationSec,
  })
  const runs: Record<Size, ServerRun[]> = { few: [], many: [] }
  let memory = { rss: NaN, peak: NaN }
  try {
    for (const size of ['few', 'many'] as const) await runLoad(loadOf(servers[size], size))
    for (let round = 0; round < options.rounds; round++) {
      const order: Size[] = round % 2 === 0 ? ['few', 'many'] : ['many', 'few']
      for (const size of order) {
        const result = await runAgainst([servers[size]], loadOf(servers[size], size))
        say(describeRun(`round ${round + 1}, ${size === 'few' ? '10 applications' : options.applications}`, result))
        runs[size].push(result)
      }
    }
    const started = performance.now()
    await useEveryKey(servers.many.url, large.extraKeys)
    say(`    ${large.extraKeys.length} distinct keys verified in ${Math.round(performance.now() - started)} ms`)
    await useEveryKey(servers.many.url, large.extraKeys)
    memory = servers.many.memoryMb()
  } finally {
    await Promise.all([servers.few.stop(), servers.many.stop()])
  }
  if (options.profileDir) await profileSizes(databases, options.profileDir, loadOf)
  return figuresOf(runs, memory, options)
}

function figuresOf(runs: Record<Size, ServerRun[]>, memory: { rss: number; peak: number }, options: BenchOptions): Figure[] {
  const apps = options.applications.toLocaleString('en-US')
  const keys = options.activeKeys.toLocaleString('en-US')
  const ratios = runs.many.map((r, i) => r.rps / runs.few[i]!.rps)
  const cpuRatios = runs.many.map((r, i) => runs.few[i]!.cpuMsPerRequest / r.cpuMsPerRequest)
  const micro = (size: Size) => runs[size].map((r) => r.cpuMsPerRequest * 1000)
  const failed = [...runs.few, ...runs.many].reduce((sum, r) => sum + r.non2xx + r.timeouts + r.socketErrors, 0)
  return [
    roundsFigure(`5. req/s with ${apps} applications / with 10`, ratios, { unit: '×', target: '≥ 0.90', test: (v) => v >= 0.9 }),
    roundsFigure('server CPU per request, 10 applications', micro('few'), { unit: 'µs' }),
    roundsFigure(`server CPU per request, ${apps} applications`, micro('many'), { unit: 'µs' }),
    roundsFigure(`CPU per request with 10 / with ${apps} applications`, cpuRatios, { unit: '×' }),
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

/** One profiled server per size (a fresh process: its first run includes warm-up), so each profile shows that size alone. */
async function profileSizes(
  databases: Record<Size, BenchDatabase>,
  dir: string,
  loadOf: (server: ServerProcess, size: Size) => LoadOptions,
): Promise<void> {
  for (const size of ['few', 'many'] as const) {
    const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${join(dir, `growth-${size}`)}`]
    const server = await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: databases[size].url }, nodeArgs })
    try {
      await runLoad(loadOf(server, size))
      await runAgainst([server], loadOf(server, size))
    } finally {
      await server.stop()
    }
  }
}
