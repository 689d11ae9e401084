import type { Team } from '@checkpost/auth-applications-contract'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { allSystemsQueryOptions } from '../../api/all-systems.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { SystemGrants } from './system-grants.tsx'

/** Grants per system: pick a catalog system, see and change which teams reach it and whether it is team-only. */
export function SystemAccess({ teams, canManage }: { teams: readonly Team[]; canManage: boolean }) {
  const systems = useQuery(allSystemsQueryOptions())
  const [systemId, setSystemId] = useState('')
  const selectId = useId()
  const list = systems.data?.systems ?? []
  const selected = list.find((s) => s.id === systemId)
  return (
    <section aria-labelledby="system-access-title" className="panel">
      <h2 id="system-access-title">Access to systems</h2>
      <ErrorMessage error={systems.error} />
      {list.length === 0 && systems.isSuccess && <p className="empty">No systems in the catalog yet.</p>}
      {list.length > 0 && (
        <>
          <label htmlFor={selectId}>System</label>
          <select id={selectId} value={systemId} onChange={(event) => setSystemId(event.currentTarget.value)}>
            <option value="">Choose a system…</option>
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </>
      )}
      {selected && <SystemGrants system={selected} teams={teams} canManage={canManage} />}
    </section>
  )
}
