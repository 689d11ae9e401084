import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createUuidSetBuilder, type UuidSet } from './uuid-set.ts'

function createUuidSet(ids: readonly string[]): UuidSet {
  const builder = createUuidSetBuilder()
  for (const id of ids) builder.add(id)
  return builder.build()
}

describe('createUuidSetBuilder', () => {
  it('finds exactly the ids it was built from, among many (past its first 1,024 slots)', () => {
    const ids = Array.from({ length: 5_000 }, () => randomUUID())
    const set = createUuidSet(ids)
    expect(set.size).toBe(5_000)
    for (const id of ids) expect(set.has(id)).toBe(true)
    for (let i = 0; i < 5_000; i++) expect(set.has(randomUUID())).toBe(false)
  })

  it('tells apart ids that differ only in their last or first hex digit, at either end of the order', () => {
    const set = createUuidSet(['00000000-0000-4000-8000-000000000001', 'ffffffff-ffff-4fff-bfff-fffffffffffe'])
    expect(set.has('00000000-0000-4000-8000-000000000001')).toBe(true)
    expect(set.has('00000000-0000-4000-8000-000000000000')).toBe(false)
    expect(set.has('10000000-0000-4000-8000-000000000001')).toBe(false)
    expect(set.has('ffffffff-ffff-4fff-bfff-fffffffffffe')).toBe(true)
    expect(set.has('ffffffff-ffff-4fff-bfff-ffffffffffff')).toBe(false)
  })

  it('matches the stored spelling only: an upper-case spelling of a stored id is another id', () => {
    const id = randomUUID()
    const set = createUuidSet([id])
    expect(set.has(id.toUpperCase())).toBe(false)
    expect(set.has(id.replaceAll('-', ''))).toBe(false)
  })

  it('keeps ids that are not canonical UUIDs as they are', () => {
    const set = createUuidSet(['legacy-app-1', 'ABCDEF00-0000-4000-8000-000000000000'])
    expect(set.has('legacy-app-1')).toBe(true)
    expect(set.has('ABCDEF00-0000-4000-8000-000000000000')).toBe(true)
    expect(set.has('abcdef00-0000-4000-8000-000000000000')).toBe(false)
    expect(set.size).toBe(2)
  })

  it('forgets a deleted id for good and ignores deleting an absent or already deleted one', () => {
    const [kept, dropped] = [randomUUID(), randomUUID()]
    const set = createUuidSet([kept, dropped, 'other'])
    set.delete(dropped)
    set.delete(dropped)
    set.delete(randomUUID())
    set.delete('other')
    expect(set.has(dropped)).toBe(false)
    expect(set.has('other')).toBe(false)
    expect(set.has(kept)).toBe(true)
    expect(set.size).toBe(1)
  })

  it('holds nothing when built from nothing', () => {
    const set = createUuidSet([])
    expect(set.has(randomUUID())).toBe(false)
    expect(set.size).toBe(0)
  })
})
