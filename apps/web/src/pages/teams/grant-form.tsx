import type { Team } from '@checkpost/auth-applications-contract'
import { useMutation } from '@tanstack/react-query'
import { useId, type FormEvent } from 'react'
import { clients } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'

export interface GrantFormProps {
  readonly resource: { resourceType: string; resourceId: string }
  readonly teams: readonly Team[]
  readonly onGranted: () => Promise<unknown>
}

/** Grants a team Read or Manage on one resource. */
export function GrantForm({ resource, teams, onGranted }: GrantFormProps) {
  const teamSelect = useId()
  const levelSelect = useId()
  const grant = useMutation({
    mutationFn: (input: { teamId: string; level: string }) =>
      clients.authApplications.setResourceTeamAccess({ ...resource, teamId: input.teamId, canRead: true, canManage: input.level === 'manage' }),
    onSuccess: onGranted,
  })
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    grant.mutate({ teamId: String(form.get('teamId')), level: String(form.get('level')) })
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={teamSelect}>Team</label>
      <select id={teamSelect} name="teamId">
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <label htmlFor={levelSelect}>Level</label>
      <select id={levelSelect} name="level">
        <option value="read">Read</option>
        <option value="manage">Manage</option>
      </select>
      <button type="submit" disabled={grant.isPending}>
        Grant Access
      </button>
      <ErrorMessage error={grant.error} />
    </form>
  )
}
