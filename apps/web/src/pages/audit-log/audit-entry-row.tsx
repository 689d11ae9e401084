import type { AuditLogEntry } from '@checkpost/auth-applications-contract'
import { formatTime } from '../../components/format-time.ts'

/** One audit entry: when, who, what, on what, from where, its request id, and its changes on demand. */
export function AuditEntryRow({ entry }: { entry: AuditLogEntry }) {
  const { actor, target } = entry
  return (
    <tr>
      <td data-label="When">
        <time dateTime={entry.at} title={entry.at}>
          {formatTime(entry.at)}
        </time>
      </td>
      <td data-label="Actor">
        <span className="badge kind">{actor.kind}</span> {actor.name}
        <code className="id">{actor.id}</code>
      </td>
      <th scope="row" data-label="Action">
        <code>{entry.action}</code>
      </th>
      <td data-label="Target">
        <span className="badge kind">{target.type}</span> {target.name ?? ''}
        <code className="id">{target.id}</code>
      </td>
      <td data-label="Source address">{entry.sourceIp ?? '—'}</td>
      <td data-label="Request id">{entry.requestId ? <code>{entry.requestId}</code> : '—'}</td>
      <td data-label="Changes">
        {entry.changes ? (
          <details>
            <summary>Changes</summary>
            <pre className="changes">{JSON.stringify(entry.changes, null, 2)}</pre>
          </details>
        ) : (
          '—'
        )}
      </td>
    </tr>
  )
}
