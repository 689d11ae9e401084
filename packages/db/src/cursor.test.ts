import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './cursor.ts'

const craft = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url')

describe('decodeCursor', () => {
  it('gives back the values encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor(['2026-11-30T10:00:00.000Z', 'b7e1…']), 2)).toEqual(['2026-11-30T10:00:00.000Z', 'b7e1…'])
  })

  it.each([
    ['a NUL character, which Postgres text refuses', ['2026-11-30T10:00:00.000Z\u0000', 'x']],
    ['a lone high surrogate', ['\uD800', 'x']],
    ['a lone low surrogate', ['x', 'a\uDC00']],
    ['too few values', ['x']],
    ['a value that is not a string', ['x', 1]],
  ])('refuses a crafted cursor holding %s with BAD_REQUEST', (_, values) => {
    expect(() => decodeCursor(craft(values), 2)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', message: 'Invalid cursor' }))
  })

  it('names the input field that held a refused cursor in its issues', () => {
    expect(() => decodeCursor('garbage', 2)).toThrow(expect.objectContaining({ issues: [{ path: 'cursor', message: 'Invalid cursor' }] }))
    expect(() => decodeCursor('garbage', 2, 'after')).toThrow(expect.objectContaining({ issues: [{ path: 'after', message: 'Invalid cursor' }] }))
  })

  it('accepts a value with a paired surrogate (an emoji)', () => {
    expect(decodeCursor(craft(['😀', 'x']), 2)).toEqual(['😀', 'x'])
  })
})
