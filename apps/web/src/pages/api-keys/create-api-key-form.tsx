import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { fromLocalInput } from '../../components/local-time.ts'

export interface CreateApiKeyFormProps {
  readonly onCreated: (created: { name: string; secret: string }) => void
  readonly onCancel: () => void
}

/** Create API Key: a name and an optional expiry. */
export function CreateApiKeyForm({ onCreated, onCancel }: CreateApiKeyFormProps) {
  const queryClient = useQueryClient()
  const create = useMutation(
    api.authUsers.createUserApiKey.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: api.authUsers.key() })
        onCreated(created)
      },
    }),
  )
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const expiresAt = fromLocalInput(String(form.get('expiresAt') ?? ''))
    create.mutate({ name: String(form.get('name') ?? ''), ...(expiresAt ? { expiresAt } : {}) })
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-key-title">
      <h2 id="create-key-title">Create API Key</h2>
      <label htmlFor="key-name">Name</label>
      <input id="key-name" name="name" required maxLength={200} autoFocus />
      <label htmlFor="key-expires">Expires (optional)</label>
      <input id="key-expires" name="expiresAt" type="datetime-local" />
      <ErrorMessage error={create.error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create API Key
        </button>
      </div>
    </form>
  )
}
