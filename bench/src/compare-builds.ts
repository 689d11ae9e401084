// cd bench && npx tsx src/compare-builds.ts ROUNDS DURATION bundle1.js bundle2.js …
// A bundle may carry its own environment: dist/main.js@CHECKPOST_LOG_LEVEL=info,NAME=VALUE
// (the same build at the default log level against the bench's `warn`, say).
// Each bundle serves the same SQLite file; in each round each bundle is loaded alone in
// turn (order reversed every other round), per key variant (alternating); prints median
// (min–max) CPU µs/request, req/s, and each round's CPU per request over the first bundle's.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createBenchDatabase } from './bench-database.ts'
import { median } from './figures.ts'
import { runAgainst, type ServerRun } from './server-run.ts'
import { spawnServer } from './server-process.ts'
import { GET_SYSTEMS } from './suites/ceilings.ts'
import { createKeys } from './suites/key-checks.ts'

const [roundsText, durationText, ...bundles] = process.argv.slice(2)
const rounds = Number(roundsText)
const durationSec = Number(durationText)
const db = await createBenchDatabase(mkdtempSync(join(tmpdir(), 'checkpost-compare-')), 'compare')
const keys = await createKeys(db)
const servers = await Promise.all(
  bundles.map((spec) => {
    const [path, settings = ''] = spec.split('@')
    const env = Object.fromEntries(settings.split(',').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]))
    return spawnServer(resolve(path!), { env: { CHECKPOST_DATABASE_URL: db.url, ...env } })
  }),
)
const cells = new Map<string, { cpu: number[]; rps: number[]; cpuRatio: number[] }>()
try {
  for (const variant of ['plain', 'checked'] as const) {
    await Promise.all(servers.map((server) => runAgainst([server], { url: `${server.url}/api/catalog/`, body: GET_SYSTEMS, key: keys[variant], connections: 16, durationSec: 5 })))
  }
  for (let round = 0; round < rounds; round++) {
    const order: readonly ('plain' | 'checked')[] = round % 2 ? ['checked', 'plain'] : ['plain', 'checked']
    for (const variant of order) {
      // One bundle at a time, in A B … then … B A order round by round, so each
      // round's ratios compare runs minutes apart at most (drift hits both alike).
      const indexes = servers.map((_, i) => i)
      const results: ServerRun[] = []
      for (const i of round % 2 ? indexes.reverse() : indexes) {
        const server = servers[i]!
        results[i] = await runAgainst([server], { url: `${server.url}/api/catalog/`, body: GET_SYSTEMS, key: keys[variant], connections: 16, durationSec })
      }
      results.forEach((r, i) => {
        if (r.non2xx + r.timeouts + r.socketErrors > 0) throw new Error(`failures: ${JSON.stringify(r)}`)
        const key = `${bundles[i]} ${variant}`
        const cell = cells.get(key) ?? { cpu: [], rps: [], cpuRatio: [] }
        cell.cpu.push(r.cpuMsPerRequest * 1000)
        cell.rps.push(r.rps)
        cell.cpuRatio.push(r.cpuMsPerRequest / results[0]!.cpuMsPerRequest)
        cells.set(key, cell)
      })
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()))
}
const f = (xs: number[], digits = 0) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`
for (const [key, cell] of cells) process.stdout.write(`${key.padEnd(40)} cpu µs/req ${f(cell.cpu)}  req/s ${f(cell.rps)}  cpu / first bundle's ${f(cell.cpuRatio, 3)}\n`)
