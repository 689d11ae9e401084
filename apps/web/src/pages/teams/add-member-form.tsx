import type { Team } from '@checkpost/auth-applications-contract'
import { useMutation } from '@tanstack/react-query'
import { useId, type FormEvent } from 'react'
import { clients } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { memberInput } from './member-input.ts'
import type { MemberCandidate } from './use-member-directory.ts'

export interface AddMemberFormProps {
  readonly team: Team
  readonly candidates: readonly MemberCandidate[]
  readonly onAdded: () => Promise<unknown>
}

/** Adds an application or a user to a team, from those not in it yet. */
export function AddMemberForm({ team, candidates, onAdded }: AddMemberFormProps) {
  const selectId = useId()
  const outside = candidates.filter((c) => !team.members.some((m) => m.kind === c.kind && m.id === c.id))
  const add = useMutation({
    mutationFn: (member: MemberCandidate) => clients.authApplications.addTeamMember(memberInput(team.id, member)),
    onSuccess: onAdded,
  })
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = String(new FormData(event.currentTarget).get('member') ?? '')
    const member = outside.find((c) => `${c.kind}:${c.id}` === value)
    if (member) add.mutate(member)
  }
  if (outside.length === 0) return null
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={selectId}>Add member to {team.name}</label>
      <select id={selectId} name="member" required>
        {outside.map((c) => (
          <option key={`${c.kind}:${c.id}`} value={`${c.kind}:${c.id}`}>
            {c.kind === 'user' ? 'User' : 'Application'}: {c.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={add.isPending}>
        Add Member
      </button>
      <ErrorMessage error={add.error} />
    </form>
  )
}
