import { fromLocalInput } from '../../components/local-time.ts'

/** The getAuditLog filters a reader set (all optional; times are ISO-8601 UTC, inclusive). */
export interface AuditFilters {
  readonly action?: string
  readonly actorId?: string
  readonly targetId?: string
  readonly from?: string
  readonly to?: string
}

/** Entries per page the page offers; the first is the default. */
export const PAGE_SIZES = [25, 10, 50, 100] as const

/**
 * The filters in a submitted filter form: empty fields are left out, `From` and
 * `To` (`datetime-local`, the reader's time zone, to the minute) become ISO times,
 * `To` taking in the whole of its minute.
 */
export function toAuditFilters(form: FormData): AuditFilters {
  const text = (name: string) => String(form.get(name) ?? '').trim() || undefined
  const from = fromLocalInput(String(form.get('from') ?? ''))
  const toMinute = fromLocalInput(String(form.get('to') ?? ''))
  const to = toMinute && new Date(Date.parse(toMinute) + 59_999).toISOString()
  const filters = { action: text('action'), actorId: text('actorId'), targetId: text('targetId'), from, to }
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined))
}
