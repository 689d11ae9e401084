import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { AuditEntryRow } from './audit-entry-row.tsx'
import { PAGE_SIZES, type AuditFilters } from './audit-filters.ts'
import { AuditFiltersForm } from './audit-filters-form.tsx'
import { useCursorPages } from './use-cursor-pages.ts'

const COLUMNS = ['When', 'Actor', 'Action', 'Target', 'Source address', 'Request id', 'Changes'] as const

/** Audit Log: every change to identities, keys, roles, teams and grants, newest first, one page at a time. */
export function AuditLogPage() {
  const [filters, setFilters] = useState<AuditFilters>({})
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0])
  const pages = useCursorPages()
  const input = { ...filters, limit: pageSize, ...(pages.cursor ? { cursor: pages.cursor } : {}) }
  const log = useQuery(api.authApplications.getAuditLog.queryOptions({ input }))
  const entries = log.data?.entries ?? []
  const nextCursor = log.data?.nextCursor ?? null

  function apply(next: AuditFilters, size: number) {
    setFilters(next)
    setPageSize(size)
    pages.reset()
  }

  return (
    <>
      <h1>Audit Log</h1>
      <p className="hint">Every change to applications, keys, roles, teams, grants and settings, newest first.</p>
      <AuditFiltersForm onApply={apply} />
      <ErrorMessage error={log.error} />
      <div className="table-wrap">
        <table className="audit-log" aria-label="Audit log entries" aria-busy={log.isFetching}>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditEntryRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      </div>
      {log.isSuccess && entries.length === 0 && <p className="empty">No entries match these filters.</p>}
      <nav aria-label="Audit log pages" className="pager">
        <button type="button" disabled={pages.pageNumber === 1} onClick={pages.newer}>
          Newer
        </button>
        <span aria-live="polite">
          Page {pages.pageNumber}
          {log.isSuccess ? `, ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}` : ''}
        </span>
        <button type="button" disabled={nextCursor === null} onClick={() => nextCursor && pages.older(nextCursor)}>
          Older
        </button>
      </nav>
    </>
  )
}
