import { describe, expect, it } from 'vitest'
import { readBenchOptions } from '../src/bench-options.ts'

describe('readBenchOptions --only', () => {
  it('selects the named suites, from the flag or BENCH_ONLY', () => {
    expect([...readBenchOptions(['--only', 'key-checks,flood'], {}).only!]).toEqual(['key-checks', 'flood'])
    expect([...readBenchOptions([], { BENCH_ONLY: 'ceilings' }).only!]).toEqual(['ceilings'])
  })

  it('selects every suite when not given', () => {
    expect(readBenchOptions([], {}).only).toBeUndefined()
  })

  it('refuses a suite name it does not know, naming it', () => {
    expect(() => readBenchOptions(['--only', 'key-check'], {})).toThrow('Unknown suite "key-check"')
  })
})
