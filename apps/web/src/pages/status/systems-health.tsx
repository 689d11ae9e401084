import { useQuery } from '@tanstack/react-query'
import { allSystemsQueryOptions } from '../../api/all-systems.ts'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { formatTime } from '../../components/format-time.ts'
import { STATUS_REFRESH_MS } from './status-refresh.ts'

/** Every visible system with its worst-of health and its checks. */
export function SystemsHealth({ withHealth }: { withHealth: boolean }) {
  const systems = useQuery({ ...allSystemsQueryOptions(), refetchInterval: STATUS_REFRESH_MS })
  const status = useQuery({ ...api.healthcheck.getStatus.queryOptions({ input: {} }), refetchInterval: STATUS_REFRESH_MS, enabled: withHealth })
  const health = new Map(status.data?.systems.map((s) => [s.systemId, s.status]))
  const checks = status.data?.checks ?? []
  return (
    <section aria-labelledby="systems-title">
      <h2 id="systems-title">Systems</h2>
      <ErrorMessage error={systems.error ?? status.error} />
      {systems.data?.systems.length === 0 && <p className="empty">No systems in the catalog yet.</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">System</th>
              <th scope="col">Health</th>
              <th scope="col">Checks</th>
            </tr>
          </thead>
          <tbody>
            {systems.data?.systems.map((system) => {
              const state = health.get(system.id) ?? 'unknown'
              return (
                <tr key={system.id}>
                  <th scope="row">{system.name}</th>
                  <td>
                    <span className={`health health-${state}`}>{state}</span>
                  </td>
                  <td>
                    {checks
                      .filter((c) => c.systemId === system.id)
                      .map((c) => `${c.name}: ${c.status} (${formatTime(c.lastObservedAt, 'no result yet')})`)
                      .join('; ') || 'None'}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
