import { schemaArbitrary, VALID_MIX, type FuzzPools } from '@checkpost/testing'
import fc from 'fast-check'
import type { FuzzProcedure } from './fuzz-host.ts'

/** One key of a JSON-endpoint batch: procedure name and input. */
export type BatchEntry = readonly [name: string, input: unknown]

/** Keys that name no procedure, including ones that are object internals. */
const UNKNOWN_KEYS = ['noSuchProcedure', '__proto__', 'constructor', 'toString', 'hasOwnProperty']

function callOf(procedure: FuzzProcedure, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<BatchEntry> {
  return arbitrary.map((input) => [procedure.name, input] as const)
}

/**
 * Batches for one plugin built to be refused: 1–3 writes with valid-shaped
 * inputs (real ids, so they would write), plus — at any position — a key
 * likely to fail: an unknown procedure, or any procedure with a generated
 * input (bad shape, absent id, conflict…). The keys are distinct, as in any JSON object.
 */
export function refusedBatchArbitrary(procedures: readonly FuzzProcedure[], pools: FuzzPools): fc.Arbitrary<BatchEntry[]> {
  const valid = (procedure: FuzzProcedure) => callOf(procedure, schemaArbitrary(procedure.schema, { pools, mix: VALID_MIX }))
  const writes = procedures.filter((procedure) => procedure.writes)
  const leading = fc
    .uniqueArray(fc.constantFrom(...writes), { minLength: 1, maxLength: 3, selector: (procedure) => procedure.name })
    .chain((chosen) => fc.tuple(...chosen.map(valid)))
  const failing = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_KEYS).map((name): BatchEntry => [name, {}]) },
    { weight: 4, arbitrary: fc.constantFrom(...procedures).chain((procedure) => callOf(procedure, schemaArbitrary(procedure.schema, { pools }))) },
  )
  return fc.tuple(leading, failing, fc.nat()).map(([lead, bad, at]) => {
    const others = lead.filter(([name]) => name !== bad[0])
    const index = at % (others.length + 1)
    return [...others.slice(0, index), bad, ...others.slice(index)]
  })
}
