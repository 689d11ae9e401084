import type { Team } from '@checkpost/auth-applications-contract'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, clients } from '../../api/clients.ts'
import { ConfirmButton } from '../../components/confirm-button.tsx'
import { ErrorMessage } from '../../components/error-message.tsx'
import { GrantForm } from './grant-form.tsx'

const SYSTEM = 'catalog.system'

export interface SystemGrantsProps {
  readonly system: { id: string; name: string }
  readonly teams: readonly Team[]
  readonly canManage: boolean
}

/** The teams granted one system, granting another, and its team-only setting. */
export function SystemGrants({ system, teams, canManage }: SystemGrantsProps) {
  const ref = { resourceType: SYSTEM, resourceId: system.id }
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.authApplications.key() })
  const grants = useQuery(api.authApplications.getResourceTeamAccess.queryOptions({ input: ref }))
  const settings = useQuery(api.authApplications.getResourceAccessSettings.queryOptions({ input: ref }))
  const teamOnly = useMutation({
    mutationFn: (value: boolean) => clients.authApplications.setResourceAccessSettings({ ...ref, teamOnly: value }),
    onSuccess: refresh,
  })
  async function removeGrant(teamId: string) {
    await clients.authApplications.removeResourceTeamAccess({ ...ref, teamId })
    await refresh()
  }

  return (
    <div>
      <ErrorMessage error={grants.error ?? settings.error ?? teamOnly.error} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.data?.teamOnly ?? false}
          disabled={!canManage || teamOnly.isPending || !settings.isSuccess}
          onChange={(event) => teamOnly.mutate(event.currentTarget.checked)}
        />
        Team-only: only the teams below reach {system.name}; global rules are ignored
      </label>
      <div className="table-wrap">
        <table>
          <caption>Teams granted {system.name}</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Level</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {(grants.data?.access ?? []).map((row) => (
              <tr key={row.teamId}>
                <th scope="row">{row.teamName}</th>
                <td>{row.canManage ? 'Manage' : row.canRead ? 'Read' : 'None'}</td>
                {canManage && (
                  <td>
                    <ConfirmButton
                      label="Remove Grant"
                      title={`Remove ${row.teamName}'s access to ${system.name}?`}
                      consequence="Its members lose the access this grant gives them from their next request."
                      onConfirm={() => removeGrant(row.teamId)}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage && teams.length > 0 && <GrantForm resource={ref} teams={teams} onGranted={refresh} />}
    </div>
  )
}
