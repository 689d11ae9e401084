import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { formatTime } from '../../components/format-time.ts'
import { STATUS_REFRESH_MS } from './status-refresh.ts'

/** Incidents not resolved yet, newest first. */
export function OpenIncidents() {
  const incidents = useQuery({ ...api.incident.getIncidents.queryOptions({ input: { open: true } }), refetchInterval: STATUS_REFRESH_MS })
  const list = incidents.data?.incidents ?? []
  return (
    <section aria-labelledby="incidents-title">
      <h2 id="incidents-title">Open incidents</h2>
      <ErrorMessage error={incidents.error} />
      {incidents.isSuccess && list.length === 0 && <p className="empty">No open incidents.</p>}
      <ul className="plain-list">
        {list.map((incident) => (
          <li key={incident.id}>
            <strong>{incident.title}</strong> <span className={`badge impact-${incident.impact}`}>{incident.impact}</span>{' '}
            {incident.status}, since {formatTime(incident.createdAt)}
          </li>
        ))}
      </ul>
    </section>
  )
}
