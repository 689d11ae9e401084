import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { inputJsonSchema } from './json-schema-node.ts'
import { deeplyNested, toJsonBody } from './raw-json.ts'
import { DEFAULT_MIX, schemaArbitrary, VALID_MIX } from './schema-arbitrary.ts'

const ID = '0b6f1e8e-3f5c-4d2a-9c1b-7a8e9f0a1b2c'
const pools = { ids: [ID], strings: ['admin'], byField: { ownerId: [ID] } }

const schema = z.object({
  ownerId: z.uuid(),
  name: z.string().trim().min(1).max(20),
  kind: z.enum(['a', 'b']),
  size: z.int().min(1).max(10).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  tags: z.array(z.string().max(5)).max(3).optional(),
})
const asProcedure = { '~orpc': { inputSchema: schema } }

/** What the server would see: the JSON text parsed back. */
const overTheWire = (value: unknown) => (value === undefined ? undefined : JSON.parse(toJsonBody(value)))

describe('schemaArbitrary', () => {
  it('with VALID_MIX, makes inputs the zod schema accepts (refinements aside) but for the occasional absent input', () => {
    const inputs = fc.sample(schemaArbitrary(inputJsonSchema(asProcedure), { pools, mix: VALID_MIX }), { numRuns: 300, seed: 42 })
    const refused = inputs.filter((input) => input !== undefined && !schema.safeParse(overTheWire(input)).success)
    expect(refused.filter((input) => (input as { name: string }).name.trim() !== '')).toEqual([])
  })

  it('with the default mix, makes both accepted and refused inputs', () => {
    const inputs = fc.sample(schemaArbitrary(inputJsonSchema(asProcedure), { pools, mix: DEFAULT_MIX }), { numRuns: 300, seed: 42 })
    const accepted = inputs.filter((input) => schema.safeParse(overTheWire(input)).success).length
    expect(accepted).toBeGreaterThan(30)
    expect(accepted).toBeLessThan(270)
  })

  it('names the pool value of a field by its name', () => {
    const inputs = fc.sample(schemaArbitrary(inputJsonSchema(asProcedure), { pools, mix: VALID_MIX }), { numRuns: 200, seed: 7 })
    expect(inputs.some((input) => (input as { ownerId?: string } | undefined)?.ownerId === ID)).toBe(true)
  })
})

describe('toJsonBody', () => {
  it('writes nesting deeper than JSON.stringify can walk', () => {
    const text = toJsonBody({ metadata: deeplyNested(20_001) })
    expect(text.startsWith('{"metadata":{"a":[{"a":[')).toBe(true)
    expect(text.match(/\[/g)).toHaveLength(10_000)
    expect(text.match(/\{/g)).toHaveLength(10_002)
  })

  it('keeps __proto__ as an own key of the JSON object', () => {
    expect(toJsonBody(Object.fromEntries([['__proto__', { admin: true }]]))).toBe('{"__proto__":{"admin":true}}')
  })
})
