import { describe, expect, it } from 'vitest'
import { timestampSchema } from './schemas.ts'

describe('timestampSchema', () => {
  it('keeps a stored-form timestamp as it is', () => {
    expect(timestampSchema.parse('2026-11-30T13:35:01.123Z')).toBe('2026-11-30T13:35:01.123Z')
    expect(timestampSchema.parse('0000-01-01T00:00:00.000Z')).toBe('0000-01-01T00:00:00.000Z')
  })

  it('turns other offsets and precisions into UTC with milliseconds', () => {
    expect(timestampSchema.parse('2026-11-30T14:35:01+01:00')).toBe('2026-11-30T13:35:01.000Z')
    expect(timestampSchema.parse('2026-11-30T13:35:01.5Z')).toBe('2026-11-30T13:35:01.500Z')
    expect(timestampSchema.parse('2026-11-30T13:35:01.123456Z')).toBe('2026-11-30T13:35:01.123Z')
  })

  it('refuses a UTC year past 9999 and dates that do not exist', () => {
    expect(timestampSchema.safeParse('9999-12-31T23:30:00-02:00').success).toBe(false)
    expect(timestampSchema.safeParse('2026-02-30T00:00:00.000Z').success).toBe(false)
    expect(timestampSchema.safeParse('2026-11-30T24:00:00.000Z').success).toBe(false)
    expect(timestampSchema.safeParse('2026-11-30').success).toBe(false)
  })

  it('agrees with a Date round trip for every stored-form timestamp it accepts', () => {
    const samples = ['1970-01-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '9999-12-31T23:59:59.999Z', '0099-06-15T12:00:00.000Z']
    for (const value of samples) expect(timestampSchema.parse(value)).toBe(new Date(value).toISOString())
  })
})
