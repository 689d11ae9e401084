import { schemaArbitrary, TEST_ENGINES, VALID_MIX } from '@checkpost/testing'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { assertProperty } from './fuzz-assert.ts'
import { answerProblem, sendCall, type Endpoint } from './fuzz-call.ts'
import { FUZZ_PROCEDURES, useFuzzHost } from './fuzz-host.ts'
import { FuzzTally, runsOf } from './fuzz-settings.ts'

const FILE = 'test/fuzz/every-procedure.fuzz.test.ts'
/** Inputs per procedure and engine (when both engines run); each goes to both endpoints. */
const RUNS = runsOf(70)
const ENDPOINTS: readonly Endpoint[] = ['json', 'procedure']

/**
 * Every procedure of every mounted plugin, called by an admin with inputs
 * generated from its contract (valid, boundary and hostile), on both
 * endpoints: the answer is a 200 or an error from DESIGN.md's table in its
 * endpoint's shape, never a 5xx, always within 5 s.
 */
for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`fuzz: every procedure on both endpoints as admin, on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const tally = new FuzzTally(`fuzz every procedure (${engine})`)
    const host = useFuzzHost(engine, tally)

    it.each(FUZZ_PROCEDURES.map((p) => [`${p.pluginId}.${p.name}`, p] as const))(
      '%s answers every generated input with 200 or a table error in shape, never 5xx, within 5 s',
      async (label, procedure) => {
        const fuzz = host()
        const { t } = fuzz
        const pools = await fuzz.seed()
        const inputs = fc.oneof(schemaArbitrary(procedure.schema, { pools }), schemaArbitrary(procedure.schema, { pools, mix: VALID_MIX }))
        await assertProperty({ name: `${engine}:${label}`, numRuns: RUNS, file: FILE }, inputs, async (input) => {
          tally.inputs++
          for (const endpoint of ENDPOINTS) {
            const call = { key: t.adminKey, pluginId: procedure.pluginId, name: procedure.name, input }
            const response = await sendCall(t, call, endpoint)
            tally.answered(label, response.status)
            const problem = answerProblem(t, response, { endpoint, names: [procedure.name] })
            if (problem) throw new Error(`${endpoint} endpoint: ${problem}`)
          }
        })
      },
      180_000,
    )
  })
}
