import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { fromLocalInput } from '../../components/local-time.ts'

/** Create Application: Name and Description; hands the once-shown secret to `onCreated`. */
export function CreateApplicationForm({ onCreated, onCancel }: { onCreated: (name: string, secret: string) => void; onCancel: () => void }) {
  const queryClient = useQueryClient()
  const create = useMutation(
    api.authApplications.createApplication.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: api.authApplications.key() })
        onCreated(created.name, created.secret)
      },
    }),
  )

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const description = String(form.get('description') ?? '').trim()
    const expiresAt = fromLocalInput(String(form.get('expiresAt') ?? ''))
    create.mutate({ name: String(form.get('name') ?? ''), ...(description ? { description } : {}), ...(expiresAt ? { expiresAt } : {}) })
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-application-title">
      <h2 id="create-application-title">Create Application</h2>
      <label htmlFor="application-name">Name</label>
      <input id="application-name" name="name" required maxLength={200} autoFocus />
      <label htmlFor="application-description">Description</label>
      <textarea id="application-description" name="description" maxLength={2000} rows={2} />
      <label htmlFor="application-expires">Expires (optional)</label>
      <input id="application-expires" name="expiresAt" type="datetime-local" />
      <ErrorMessage error={create.error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create Application
        </button>
      </div>
    </form>
  )
}
