import { idSchema } from '@checkpost/contract'
import { describe, expect, it } from 'vitest'
import { createResultId } from './result-id.ts'

describe('createResultId', () => {
  it('makes version-7 UUIDs that the id schema accepts', () => {
    const id = createResultId()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(idSchema.safeParse(id).success).toBe(true)
  })

  it('sorts ids of later milliseconds after earlier ones', () => {
    const ids = [0, 1, 2, 1_000, 86_400_000].map((ms) => createResultId(Date.parse('2026-11-23T00:00:00Z') + ms))
    expect([...ids].sort()).toEqual(ids)
  })

  it('never repeats an id across refills of its random pool', () => {
    const at = Date.parse('2026-11-23T00:00:00Z')
    const ids = Array.from({ length: 2_000 }, () => createResultId(at))
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids.map((id) => id.slice(19))).size).toBe(ids.length)
  })
})
