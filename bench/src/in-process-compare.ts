// cd bench && npx tsx src/in-process-compare.ts ROUNDS BATCH — getSystems through host.app.request (no
// sockets, no load generator), plain vs checked key interleaved in small batches;
// per-request CPU (process.cpuUsage) median (min–max) per variant and of the pair ratio.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDatabase } from '@checkpost/db'
import { createHost, createLogger } from '@checkpost/server'
import { plugins } from '@checkpost/server-app'
import { createBenchDatabase } from './bench-database.ts'
import { median } from './figures.ts'
import { GET_SYSTEMS } from './suites/ceilings.ts'
import { createKeys } from './suites/key-checks.ts'

const rounds = Number(process.argv[2] ?? 40)
const batch = Number(process.argv[3] ?? 300)
const bench = await createBenchDatabase(mkdtempSync(join(tmpdir(), 'checkpost-inproc-')), 'inproc')
const keys = await createKeys(bench)
const database = createDatabase(bench.url)
const host = createHost({ database, plugins, logger: createLogger({ level: 'warn' }), settings: {} })
host.start()
const call = async (key: string) => {
  const response = await host.app.request('/api/catalog/', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: GET_SYSTEMS })
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`)
  await response.arrayBuffer()
}
const measure = async (key: string) => {
  const before = process.cpuUsage()
  for (let i = 0; i < batch; i++) await call(key)
  const used = process.cpuUsage(before)
  return (used.user + used.system) / batch
}
for (let i = 0; i < 3; i++) for (const key of [keys.plain, keys.checked]) await measure(key)
const cpu = { plain: [] as number[], checked: [] as number[] }
const ratios: number[] = []
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? (['checked', 'plain'] as const) : (['plain', 'checked'] as const)
  const got: Record<string, number> = {}
  for (const variant of order) got[variant] = await measure(keys[variant])
  cpu.plain.push(got.plain!)
  cpu.checked.push(got.checked!)
  ratios.push(got.plain! / got.checked!)
}
const f = (xs: number[], digits = 0) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`
process.stdout.write(`plain   cpu µs/req ${f(cpu.plain)}\nchecked cpu µs/req ${f(cpu.checked)}\nplain/checked ${f(ratios, 3)}\n`)
await host.close()
await database.close()
