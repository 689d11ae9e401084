// cd bench && npx tsx src/compare-builds.ts ROUNDS DURATION bundle1.mjs bundle2.mjs …
// Each bundle serves the same SQLite file; in each round all bundles are loaded at
// once, per key variant (alternating); prints median (min–max) CPU µs/request and req/s.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createBenchDatabase } from './bench-database.ts'
import { median } from './figures.ts'
import { runAgainst } from './server-run.ts'
import { spawnServer } from './server-process.ts'
import { GET_SYSTEMS } from './suites/ceilings.ts'
import { createKeys } from './suites/key-checks.ts'

const [roundsText, durationText, ...bundles] = process.argv.slice(2)
const rounds = Number(roundsText)
const durationSec = Number(durationText)
const db = await createBenchDatabase(mkdtempSync(join(tmpdir(), 'checkpost-compare-')), 'compare')
const keys = await createKeys(db)
const servers = await Promise.all(bundles.map((b) => spawnServer(resolve(b), { env: { CHECKPOST_DATABASE_URL: db.url } })))
const cells = new Map<string, { cpu: number[]; rps: number[] }>()
try {
  for (const variant of ['plain', 'checked'] as const) {
    await Promise.all(servers.map((server) => runAgainst([server], { url: `${server.url}/api/catalog/`, body: GET_SYSTEMS, key: keys[variant], connections: 16, durationSec: 5 })))
  }
  for (let round = 0; round < rounds; round++) {
    const order: readonly ('plain' | 'checked')[] = round % 2 ? ['checked', 'plain'] : ['plain', 'checked']
    for (const variant of order) {
      // Every bundle under load at the same time: the machine's other load hits them alike.
      const results = await Promise.all(
        servers.map((server) => runAgainst([server], { url: `${server.url}/api/catalog/`, body: GET_SYSTEMS, key: keys[variant], connections: 16, durationSec })),
      )
      results.forEach((r, i) => {
        if (r.non2xx + r.timeouts + r.socketErrors > 0) throw new Error(`failures: ${JSON.stringify(r)}`)
        const key = `${bundles[i]} ${variant}`
        const cell = cells.get(key) ?? { cpu: [], rps: [] }
        cell.cpu.push(r.cpuMsPerRequest * 1000)
        cell.rps.push(r.rps)
        cells.set(key, cell)
      })
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()))
}
const f = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`
for (const [key, cell] of cells) process.stdout.write(`${key.padEnd(40)} cpu µs/req ${f(cell.cpu)}  req/s ${f(cell.rps)}\n`)
