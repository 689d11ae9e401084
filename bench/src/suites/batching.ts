import { fileURLToPath } from 'node:url'
import type { BenchDatabase } from '../bench-database.ts'
import type { BenchOptions } from '../bench-options.ts'
import { median, targetFigure, type Figure } from '../figures.ts'
import { say } from '../say.ts'
import { postJson, spawnServer } from '../server-process.ts'
import { BATCH_PROCEDURES } from '../servers/batch-plugin.ts'

/**
 * Target 3: one 100-key batch against the same 100 procedures as 100 single
 * calls, sequential over a keep-alive connection. A JSON batch takes distinct
 * procedure names, so a bench plugin with 100 read procedures is mounted in a
 * host built from the product's kit.
 */
export async function measureBatching(db: BenchDatabase, options: BenchOptions): Promise<Figure[]> {
  const server = await spawnServer(fileURLToPath(new URL('../servers/batch-server.ts', import.meta.url)), {
    env: { CHECKPOST_DATABASE_URL: db.url },
  })
  const post = async (body: Record<string, unknown>) => {
    const response = await postJson(`${server.url}/api/bench/`, JSON.stringify(body), db.adminKey)
    const text = await response.text()
    if (response.status !== 200) throw new Error(`bench batch answered ${response.status}: ${text}`)
    return text
  }
  const batchBody = Object.fromEntries(BATCH_PROCEDURES.map((name) => [name, {}]))
  const ratios: number[] = []
  const batchMs: number[] = []
  const singleMs: number[] = []
  try {
    // Warm the key and the statements, and check that a batch answers every key.
    const answered = Object.keys(JSON.parse(await post(batchBody)) as object).length
    if (answered !== BATCH_PROCEDURES.length) throw new Error(`a ${BATCH_PROCEDURES.length}-key batch answered ${answered} keys`)
    for (let round = 0; round < options.rounds; round++) {
      const batchStart = performance.now()
      for (let i = 0; i < options.batchIterations; i++) await post(batchBody)
      const batch = (performance.now() - batchStart) / options.batchIterations
      const singleStart = performance.now()
      for (let i = 0; i < options.batchIterations; i++) for (const name of BATCH_PROCEDURES) await post({ [name]: {} })
      const single = (performance.now() - singleStart) / options.batchIterations
      batchMs.push(batch)
      singleMs.push(single)
      ratios.push(single / batch)
      say(`    round ${round + 1}: one batch ${batch.toFixed(2)} ms, 100 single calls ${single.toFixed(2)} ms`)
    }
  } finally {
    await server.stop()
  }
  const ratio = median(ratios)
  return [
    { label: 'one 100-key batch', value: median(batchMs), unit: 'ms' },
    { label: '100 single calls', value: median(singleMs), unit: 'ms' },
    targetFigure('3. 100 single calls / one 100-key batch', ratio, { unit: '×', target: '≥ 5', test: (v) => v >= 5 }),
  ]
}
