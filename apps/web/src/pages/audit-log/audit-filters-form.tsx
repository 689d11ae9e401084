import { AUDIT_ACTIONS } from '@checkpost/auth-applications-contract'
import { USER_AUDIT_ACTIONS } from '@checkpost/auth-users-contract'
import { useId, type FormEvent } from 'react'
import { PAGE_SIZES, toAuditFilters, type AuditFilters } from './audit-filters.ts'

export interface AuditFiltersFormProps {
  /** Called with the filters and page size on Apply filters, and with none on Clear. */
  readonly onApply: (filters: AuditFilters, pageSize: number) => void
}

/** Every action the mounted plugins write, for the Action field's suggestions. */
const KNOWN_ACTIONS: readonly string[] = [...AUDIT_ACTIONS, ...Object.values(USER_AUDIT_ACTIONS)]

/** The audit log's filters as labelled controls; Enter in any field applies them. */
export function AuditFiltersForm({ onApply }: AuditFiltersFormProps) {
  const id = useId()
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    onApply(toAuditFilters(form), Number(form.get('limit')))
  }
  function clear() {
    // The form's own reset empties the fields and the page size goes back to its default.
    onApply({}, PAGE_SIZES[0])
  }
  return (
    <form className="panel filters" onSubmit={submit} onReset={clear} aria-label="Filters">
      <div className="filter-fields">
        <div>
          <label htmlFor={`${id}-action`}>Action</label>
          <input id={`${id}-action`} name="action" list={`${id}-actions`} placeholder="any, e.g. application.created" autoComplete="off" spellCheck={false} />
          <datalist id={`${id}-actions`}>
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <div>
          <label htmlFor={`${id}-actor`}>Actor id</label>
          <input id={`${id}-actor`} name="actorId" autoComplete="off" spellCheck={false} />
        </div>
        <div>
          <label htmlFor={`${id}-target`}>Target id</label>
          <input id={`${id}-target`} name="targetId" autoComplete="off" spellCheck={false} />
        </div>
        <div>
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} name="from" type="datetime-local" />
        </div>
        <div>
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} name="to" type="datetime-local" />
        </div>
        <div>
          <label htmlFor={`${id}-limit`}>Entries per page</label>
          <select id={`${id}-limit`} name="limit" defaultValue={PAGE_SIZES[0]}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint">Times are in your local time zone; To includes its whole minute.</p>
      <div className="actions">
        <button type="reset">Clear</button>
        <button type="submit" className="primary">
          Apply filters
        </button>
      </div>
    </form>
  )
}
