import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { formatTime } from '../../components/format-time.ts'
import { STATUS_REFRESH_MS } from './status-refresh.ts'

/** Maintenance windows in progress now. */
export function OngoingMaintenance() {
  const windows = useQuery({
    ...api.maintenance.getWindows.queryOptions({ input: { state: 'in_progress' } }),
    refetchInterval: STATUS_REFRESH_MS,
  })
  const list = windows.data?.windows ?? []
  return (
    <section aria-labelledby="maintenance-title">
      <h2 id="maintenance-title">Maintenance in progress</h2>
      <ErrorMessage error={windows.error} />
      {windows.isSuccess && list.length === 0 && <p className="empty">No maintenance in progress.</p>}
      <ul className="plain-list">
        {list.map((window) => (
          <li key={window.id}>
            <strong>{window.title}</strong>, until {formatTime(window.endsAt)}
          </li>
        ))}
      </ul>
    </section>
  )
}
