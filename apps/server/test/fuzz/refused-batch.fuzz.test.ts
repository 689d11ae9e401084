import { TEST_ENGINES, toJsonBody } from '@checkpost/testing'
import { describe, it } from 'vitest'
import { refusedBatchArbitrary } from './batch-arbitrary.ts'
import { assertProperty } from './fuzz-assert.ts'
import { answerProblem, sendWithin } from './fuzz-call.ts'
import { FUZZ_PROCEDURES, useFuzzHost } from './fuzz-host.ts'
import { FuzzTally, runsOf } from './fuzz-settings.ts'
import { changedTables, digestTables } from './table-digest.ts'

const FILE = 'test/fuzz/refused-batch.fuzz.test.ts'
/** Batches per plugin and engine (when both engines run). */
const RUNS = runsOf(45)
const PLUGIN_IDS = [...new Set(FUZZ_PROCEDURES.map((procedure) => procedure.pluginId))]

/**
 * Multi-key batches on the JSON endpoint whose writes would succeed alone but
 * which carry a key that fails (before anything runs, or while running): a
 * refused batch leaves every table of every plugin exactly as it was — row
 * counts and contents — and its error names one of its keys.
 */
for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`fuzz: a refused batch writes nothing, on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const tally = new FuzzTally(`fuzz refused batches (${engine})`, { subjects: 'plugins' })
    const host = useFuzzHost(engine, tally)

    it.each(PLUGIN_IDS)(
      '%s: every table is unchanged after a refused batch',
      async (pluginId) => {
        const fuzz = host()
        const { t } = fuzz
        const procedures = FUZZ_PROCEDURES.filter((procedure) => procedure.pluginId === pluginId)
        const batches = refusedBatchArbitrary(procedures, await fuzz.seed())
        await assertProperty({ name: `${engine}:batch:${pluginId}`, numRuns: RUNS, file: FILE }, batches, async (entries) => {
          tally.inputs += entries.length
          const names = entries.map(([name]) => name)
          const body = toJsonBody(Object.fromEntries(entries.map(([name, input]) => [name, input ?? null])))
          const before = await digestTables(t.db.database.db)
          const response = await sendWithin(t, `${pluginId}/`, { key: t.adminKey, body })
          tally.answered(pluginId, response.status)
          const problem = answerProblem(t, response, { endpoint: 'json', names })
          if (problem) throw new Error(problem)
          if (response.status === 200) return
          const changed = changedTables(before, await digestTables(t.db.database.db))
          if (changed.length > 0) throw new Error(`refused with ${response.status} ${JSON.stringify(response.body)}, yet wrote: ${changed.join('; ')}`)
        })
      },
      180_000,
    )
  })
}
