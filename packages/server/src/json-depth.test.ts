import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonDepthExceeds } from './json-depth.ts'

/** Nesting depth of a parsed JSON value: the reference the scan must agree with. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  const children = Array.isArray(value) ? value : Object.values(value)
  return 1 + Math.max(0, ...children.map(depthOf))
}

// Strings full of the characters the scan must not count: brackets, quotes, backslashes.
const trickyString = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', 'a', '\u00e9', '\ud83d\ude00'), maxLength: 12 })
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, trickyString, fc.integer(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(trickyString, tie('value'), { maxKeys: 4 }),
})).value

describe('jsonDepthExceeds', () => {
  it('agrees with the depth of the parsed value, brackets and escapes inside strings included', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 8 }), (value, limit) => {
        const text = JSON.stringify(value)
        expect(jsonDepthExceeds(text, limit)).toBe(depthOf(JSON.parse(text)) > limit)
      }),
      { numRuns: 2_000 },
    )
  })

  it('counts brackets after an escaped quote and after an even run of backslashes', () => {
    expect(jsonDepthExceeds('{"a\\"[[":1}', 1)).toBe(false)
    expect(jsonDepthExceeds('["\\\\",[[]]]', 2)).toBe(true)
    expect(jsonDepthExceeds('["\\\\\\"[[[",[]]', 2)).toBe(false)
  })

  it('treats an unclosed string as running to the end', () => {
    expect(jsonDepthExceeds('["[[[[', 1)).toBe(false)
  })
})
