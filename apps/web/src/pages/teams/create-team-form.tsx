import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'

/** Create Team: a name and a description. */
export function CreateTeamForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient()
  const create = useMutation(
    api.authApplications.createTeam.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: api.authApplications.key() })
        onDone()
      },
    }),
  )
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const description = String(form.get('description') ?? '').trim()
    create.mutate({ name: String(form.get('name') ?? ''), ...(description ? { description } : {}) })
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-team-title">
      <h2 id="create-team-title">Create Team</h2>
      <label htmlFor="team-name">Name</label>
      <input id="team-name" name="name" required maxLength={200} autoFocus />
      <label htmlFor="team-description">Description</label>
      <input id="team-description" name="description" maxLength={2000} />
      <ErrorMessage error={create.error} />
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create Team
        </button>
      </div>
    </form>
  )
}
