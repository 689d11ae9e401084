import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { spawnCheckpost } from '../bundle-server.ts'
import { median, roundsFigure, type Figure } from '../figures.ts'
import { say } from '../say.ts'
import { postJson } from '../server-process.ts'

/** getSystems page size the paging figure walks with (the default and the largest). */
const PAGE_LIMIT = 500

/** One timed call: its wall time in ms and the JSON it answered (200 only). */
async function timedCall(url: string, body: string, key: string): Promise<{ ms: number; json: Record<string, unknown> }> {
  const started = performance.now()
  const response = await postJson(url, body, key)
  const text = await response.text()
  const ms = performance.now() - started
  if (response.status !== 200) throw new Error(`${body} answered ${response.status}: ${text}`)
  return { ms, json: JSON.parse(text) as Record<string, unknown> }
}

/**
 * Target: getSystems at `total` systems, paged by 500, < 50 ms a page. Each
 * round walks the whole catalog one request at a time, checks it saw every
 * system once, and keeps the median page time; the figure is the median
 * over rounds (min–max).
 */
export async function measureSystemPaging(db: BenchDatabase & { systems: number }, options: BenchOptions): Promise<Figure[]> {
  const server = await spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: db.url } })
  const medians: number[] = []
  const slowest: number[] = []
  try {
    for (let round = 0; round < options.rounds; round++) {
      const times: number[] = []
      const seen = new Set<string>()
      let cursor: string | null = null
      do {
        const body = JSON.stringify({ getSystems: { limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) } })
        const { ms, json } = await timedCall(`${server.url}/api/catalog/`, body, db.adminKey)
        const page = json.getSystems as { systems: { id: string }[]; nextCursor: string | null }
        for (const system of page.systems) seen.add(system.id)
        times.push(ms)
        cursor = page.nextCursor
      } while (cursor)
      if (seen.size !== db.systems) throw new Error(`paging saw ${seen.size} distinct systems of ${db.systems}`)
      medians.push(median(times))
      slowest.push(Math.max(...times))
      say(`    round ${round + 1}: ${times.length} pages, median ${median(times).toFixed(2)} ms, slowest ${Math.max(...times).toFixed(2)} ms`)
    }
  } finally {
    await server.stop()
  }
  const systems = db.systems.toLocaleString('en-US')
  return [
    roundsFigure(`getSystems page of ${PAGE_LIMIT} at ${systems} systems`, medians, { unit: 'ms', target: '< 50', test: (v) => v < 50 }),
    roundsFigure(`slowest getSystems page at ${systems} systems`, slowest, { unit: 'ms' }),
  ]
}

/** A database for the getStatus figure, labelled by its in-progress window count. */
export interface StatusDatabase extends BenchDatabase {
  readonly windows: number
}

/**
 * Target: getStatus at `many.windows` in-progress maintenance windows within
 * 1.2× of its time at `few.windows`, both on the same systems and checks.
 * Each round times `calls` sequential calls on each server, alternating, and
 * compares their medians.
 */
export async function measureStatusUnderMaintenance(few: StatusDatabase, many: StatusDatabase, options: BenchOptions): Promise<Figure[]> {
  const servers = await Promise.all([few, many].map((db) => spawnCheckpost({ env: { CHECKPOST_DATABASE_URL: db.url } })))
  const calls = options.quick ? 50 : 400
  const times: [number[], number[]] = [[], []]
  try {
    const time = async (index: 0 | 1) => {
      const db = index === 0 ? few : many
      const url = `${servers[index]!.url}/api/healthcheck/`
      const first = await timedCall(url, '{"getStatus": {}}', db.adminKey)
      const systems = (first.json.getStatus as { systems: { underMaintenance: boolean }[] }).systems
      const under = systems.filter((s) => s.underMaintenance).length
      // Windows go round-robin over the systems: each system with one is under maintenance.
      if (under !== Math.min(db.windows, systems.length)) throw new Error(`getStatus sees ${under} systems under maintenance with ${db.windows} windows`)
      const each: number[] = []
      for (let i = 0; i < calls; i++) each.push((await timedCall(url, '{"getStatus": {}}', db.adminKey)).ms)
      return median(each)
    }
    for (let round = 0; round < options.rounds; round++) {
      times[0].push(await time(0))
      times[1].push(await time(1))
      say(`    round ${round + 1}: ${few.windows} windows ${times[0].at(-1)!.toFixed(2)} ms, ${many.windows} windows ${times[1].at(-1)!.toFixed(2)} ms`)
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
  const ratios = times[1].map((ms, i) => ms / times[0][i]!)
  const label = (db: StatusDatabase) => `getStatus at ${db.windows.toLocaleString('en-US')} in-progress windows`
  return [
    roundsFigure(label(few), times[0], { unit: 'ms' }),
    roundsFigure(label(many), times[1], { unit: 'ms' }),
    roundsFigure(`${label(many)} / at ${few.windows}`, ratios, { unit: '×', target: '≤ 1.2', test: (v) => v <= 1.2 }),
  ]
}
