import { DEFAULT_LIMITS, jsonDepthExceeds } from '@checkpost/server'
import { schemaArbitrary, TEST_ENGINES, type TestResponse } from '@checkpost/testing'
import { beforeAll, describe, it } from 'vitest'
import { assertProperty } from './fuzz-assert.ts'
import { answerProblem, bodyOf, sendCall, type Endpoint, type FuzzCall } from './fuzz-call.ts'
import { FUZZ_PROCEDURES, useFuzzHost, type FuzzProcedure } from './fuzz-host.ts'
import { FuzzTally, runsOf } from './fuzz-settings.ts'

const FILE = 'test/fuzz/rule-less-key.fuzz.test.ts'
const RUNS = runsOf(25)
const ENDPOINTS: readonly Endpoint[] = ['json', 'procedure']

/** A body refused whole before it is read as calls: over the size limit (413) or nested past the depth limit (400). */
function refusedWhole(body: string, response: TestResponse): boolean {
  if (response.status === 413) return Buffer.byteLength(body) > DEFAULT_LIMITS.maxBodyBytes
  const named = (response.body as { procedure?: unknown }).procedure !== undefined
  return response.status === 400 && !named && jsonDepthExceeds(body, DEFAULT_LIMITS.maxJsonDepth)
}

function forbiddenProblem(response: TestResponse, procedure: FuzzProcedure): string | undefined {
  const body = response.body as { code?: unknown; message?: unknown }
  if (response.status !== 403 || body.code !== 'FORBIDDEN') return `${response.status} ${JSON.stringify(body).slice(0, 300)} instead of 403`
  const named = procedure.rules.some((rule) => body.message === `Missing access: ${rule}`)
  return named ? undefined : `message ${JSON.stringify(body.message)} names none of ${procedure.rules.join(', ')}`
}

/**
 * A key whose role holds no rule calls every procedure that needs one, with
 * any input: the answer is 403 `Missing access: {rule}` on both endpoints
 * (access is checked before input), unless the body is refused whole before
 * it is read as calls: 413 past the size limit, 400 past the nesting limit.
 */
for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`fuzz: a rule-less key is refused whatever it sends, on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const tally = new FuzzTally(`fuzz rule-less key (${engine})`, { expectsSuccess: false })
    const host = useFuzzHost(engine, tally)
    let key: string
    beforeAll(async () => {
      key = (await host().t.createKey([])).key
    })

    const guarded = FUZZ_PROCEDURES.filter((procedure) => procedure.rules.length > 0)
    it.each(guarded.map((p) => [`${p.pluginId}.${p.name}`, p] as const))(
      '%s answers 403 Missing access to every generated input, on both endpoints',
      async (label, procedure) => {
        const fuzz = host()
        const { t } = fuzz
        const pools = await fuzz.seed()
        await assertProperty({ name: `${engine}:rule-less:${label}`, numRuns: RUNS, file: FILE }, schemaArbitrary(procedure.schema, { pools }), async (input) => {
          tally.inputs++
          for (const endpoint of ENDPOINTS) {
            const call: FuzzCall = { key, pluginId: procedure.pluginId, name: procedure.name, input }
            const response = await sendCall(t, call, endpoint)
            tally.answered(label, response.status)
            const problem = answerProblem(t, response, { endpoint, names: [procedure.name] })
            if (problem) throw new Error(`${endpoint} endpoint: ${problem}`)
            if (refusedWhole(bodyOf(call, endpoint), response)) continue
            const refusal = forbiddenProblem(response, procedure)
            if (refusal) throw new Error(`${endpoint} endpoint: ${refusal}`)
          }
        })
      },
      180_000,
    )
  })
}
