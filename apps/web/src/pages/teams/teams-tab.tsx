import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { useCan } from '../../session/current-user.tsx'
import { CreateTeamForm } from './create-team-form.tsx'
import { SystemAccess } from './system-access.tsx'
import { TeamCard } from './team-card.tsx'
import { useMemberDirectory } from './use-member-directory.ts'

/** Authentication Settings → Teams: members of both kinds, grants per system, team-only. */
export function TeamsTab() {
  const can = useCan()
  const canManage = can('auth-applications.teams.manage')
  const teams = useQuery(api.authApplications.getTeams.queryOptions({ input: {} }))
  const directory = useMemberDirectory()
  const [creating, setCreating] = useState(false)
  const teamList = teams.data?.teams ?? []

  return (
    <section aria-labelledby="teams-title">
      <div className="section-head">
        <h2 id="teams-title">Teams</h2>
        {canManage && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create Team
          </button>
        )}
      </div>
      <ErrorMessage error={teams.error} />
      {creating && <CreateTeamForm onDone={() => setCreating(false)} />}
      {teamList.length === 0 && teams.isSuccess && <p className="empty">No teams yet.</p>}
      <div className="cards">
        {teamList.map((team) => (
          <TeamCard key={team.id} team={team} directory={directory} canManage={canManage} />
        ))}
      </div>
      {can('catalog.catalog.read') && <SystemAccess teams={teamList} canManage={canManage} />}
    </section>
  )
}
