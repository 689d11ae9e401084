import { catalogPlugin } from '@checkpost/catalog-server'
import { createApiKeyFormat } from '@checkpost/server'
import { createTestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { getSystemsAs, TRUST_LOCAL_PROXY } from './support/key-calls.ts'

const TRIES = 200

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.floor(sorted.length / 2)]!
}

describe('key check timing (SQLite, in process)', () => {
  it('takes the same time for an unknown application id as for a wrong secret (medians over 200 tries each)', async () => {
    await using t = await createTestHost({ plugins: [catalogPlugin], settings: TRUST_LOCAL_PROXY })
    const { id } = await t.createKey(['catalog.catalog.read'])
    const keys = createApiKeyFormat('ck')
    const wrongSecret = () => keys.mint(id).key
    const unknownId = () => keys.mint(crypto.randomUUID()).key
    const timings = { unknownId: [] as number[], wrongSecret: [] as number[] }
    // Interleaved, each from its own address (failures are limited per address), after a warm-up.
    for (let i = -20; i < TRIES; i++) {
      for (const [kind, make] of [['unknownId', unknownId], ['wrongSecret', wrongSecret]] as const) {
        const from = `10.${(i + 20) % 250}.${kind === 'unknownId' ? 1 : 2}.1`
        const started = process.hrtime.bigint()
        const response = await getSystemsAs(t, make(), from)
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        expect(response.status).toBe(401)
        if (i >= 0) timings[kind].push(ms)
      }
    }
    const medians = { unknownId: median(timings.unknownId), wrongSecret: median(timings.wrongSecret) }
    process.stdout.write(`key timing medians over ${TRIES} tries: ${JSON.stringify(medians)} ms\n`)
    // Both do one lookup, one SHA-256 and one constant-time compare; no argon2 (that took ~20 ms).
    expect(Math.max(medians.unknownId, medians.wrongSecret)).toBeLessThan(5)
    expect(Math.abs(medians.unknownId - medians.wrongSecret)).toBeLessThan(Math.max(0.5, 0.5 * medians.wrongSecret))
  })
})
