import { describe, expect, it } from 'vitest'
import { valuesAt } from './values-at.ts'

describe('valuesAt', () => {
  it('collects the strings at a path, walking every element at `*`, in order', () => {
    const input = { results: [{ id: 'a' }, { id: 'b' }, { other: 'x' }, { id: 3 }, { id: 'a' }] }
    expect(valuesAt(input, 'results.*.id')).toEqual(['a', 'b', 'a'])
  })

  it('finds a plain field, and nothing where the path leaves objects and arrays', () => {
    expect(valuesAt({ systemId: 's1' }, 'systemId')).toEqual(['s1'])
    expect(valuesAt({ results: { id: 'a' } }, 'results.*.id')).toEqual([])
    expect(valuesAt({ results: null }, 'results.*.id')).toEqual([])
    expect(valuesAt(undefined, 'systemId')).toEqual([])
    expect(valuesAt({ a: [['x', 'y'], ['z']] }, 'a.*.*')).toEqual(['x', 'y', 'z'])
  })
})
