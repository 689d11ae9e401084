import type { WindowState } from '@checkpost/maintenance-contract'
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely'
import type { MaintenanceTables } from './tables.ts'

interface StoredTimes {
  readonly starts_at: string
  readonly ends_at: string
  readonly cancelled_at: string | null
  readonly completed_at: string | null
}

/** A window's state at `now`: actions first, then the clock. ISO UTC text compares in time order. */
export function stateAt(window: StoredTimes, now: string): WindowState {
  if (window.cancelled_at !== null) return 'cancelled'
  if (window.completed_at !== null || window.ends_at <= now) return 'completed'
  return window.starts_at > now ? 'scheduled' : 'in_progress'
}

type Eb = ExpressionBuilder<MaintenanceTables, 'maintenance_windows'>

/** The same rule as `stateAt`, as a SQL condition, so lists filter and page in the database. */
export function stateCondition(eb: Eb, state: WindowState, now: string): Expression<SqlBool> {
  const live = eb.and([eb('cancelled_at', 'is', null), eb('completed_at', 'is', null)])
  switch (state) {
    case 'cancelled':
      return eb('cancelled_at', 'is not', null)
    case 'completed':
      return eb.and([eb('cancelled_at', 'is', null), eb.or([eb('completed_at', 'is not', null), eb('ends_at', '<=', now)])])
    case 'scheduled':
      return eb.and([live, eb('starts_at', '>', now)])
    case 'in_progress':
      return eb.and([live, eb('starts_at', '<=', now), eb('ends_at', '>', now)])
  }
}
