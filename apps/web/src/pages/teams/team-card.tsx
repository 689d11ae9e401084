import type { Team } from '@checkpost/auth-applications-contract'
import { useQueryClient } from '@tanstack/react-query'
import { api, clients } from '../../api/clients.ts'
import { ConfirmButton } from '../../components/confirm-button.tsx'
import { AddMemberForm } from './add-member-form.tsx'
import { memberInput } from './member-input.ts'
import type { MemberCandidate } from './use-member-directory.ts'

export interface TeamCardProps {
  readonly team: Team
  readonly directory: readonly MemberCandidate[]
  readonly canManage: boolean
}

/** One team: its members of both kinds, adding and removing them, deleting the team. */
export function TeamCard({ team, directory, canManage }: TeamCardProps) {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.authApplications.key() })
  const nameOf = (kind: string, id: string) => directory.find((m) => m.kind === kind && m.id === id)?.name ?? id

  async function removeMember(member: Team['members'][number]) {
    await clients.authApplications.removeTeamMember(memberInput(team.id, member))
    await refresh()
  }
  async function removeTeam() {
    await clients.authApplications.deleteTeam({ teamId: team.id })
    await refresh()
  }

  return (
    <article className="card" aria-labelledby={`team-${team.id}`}>
      <h3 id={`team-${team.id}`}>{team.name}</h3>
      {team.description && <p>{team.description}</p>}
      <h4>Members</h4>
      {team.members.length === 0 && <p className="empty">No members.</p>}
      <ul className="members">
        {team.members.map((member) => (
          <li key={`${member.kind}:${member.id}`}>
            <span className="badge">{member.kind === 'user' ? 'User' : 'Application'}</span> {nameOf(member.kind, member.id)}
            {canManage && (
              <ConfirmButton
                label="Remove"
                title={`Remove ${nameOf(member.kind, member.id)} from ${team.name}?`}
                consequence="It loses every access the team's grants give it, from its next request."
                onConfirm={() => removeMember(member)}
              />
            )}
          </li>
        ))}
      </ul>
      {canManage && <AddMemberForm team={team} candidates={directory} onAdded={refresh} />}
      {canManage && (
        <ConfirmButton
          label="Delete Team"
          title={`Delete the team ${team.name}?`}
          consequence="Its members lose every access its grants give them, and the grants are removed for good."
          onConfirm={removeTeam}
        />
      )}
    </article>
  )
}
