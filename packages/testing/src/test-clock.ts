import type { Clock } from '@checkpost/server'

/** A clock tests move by hand. */
export interface TestClock extends Clock {
  set(date: Date | string): void
  advance(ms: number): void
}

/** A settable clock starting at `start` (default: the real now). */
export function createTestClock(start: Date | string = new Date()): TestClock {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date).getTime()
    },
    advance: (ms) => {
      current += ms
    },
  }
}
