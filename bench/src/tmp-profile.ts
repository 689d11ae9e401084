import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBenchDatabase } from './bench-database.ts'
import { addSystems } from './scale-fixtures.ts'
import { CHECKPOST_BUNDLE } from './bundle-server.ts'
import { postJson, spawnServer } from './server-process.ts'
const dir = mkdtempSync(join(tmpdir(), 'prof-'))
const db = await createBenchDatabase(dir, 'p')
addSystems(db.path, 9980)
const server = await spawnServer(CHECKPOST_BUNDLE, { env: { CHECKPOST_DATABASE_URL: db.url }, nodeArgs: process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] : [] })
for (const limit of [1, 100, 500]) {
  const times: number[] = []
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now()
    const r = await postJson(`${server.url}/api/catalog/`, JSON.stringify({ getSystems: { limit } }), db.adminKey)
    await r.text()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  console.log(limit, 'median', times[20]!.toFixed(2), 'min', times[0]!.toFixed(2))
}
await server.stop()
