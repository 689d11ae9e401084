import type { Application } from '@checkpost/auth-applications-contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, type FormEvent } from 'react'
import { api, clients } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { fromLocalInput, toLocalInput } from '../../components/local-time.ts'
import { parseKeySettings } from './parse-key-settings.ts'

/** Key settings of one application: expiry, rate limit, allowed source addresses (empty = none). */
export function KeySettingsForm({ application, onDone }: { application: Application; onDone: () => void }) {
  const queryClient = useQueryClient()
  const id = useId()
  const save = useMutation({
    mutationFn: (form: FormData) => clients.authApplications.updateApplication({ applicationId: application.id, ...parseKeySettings(form, fromLocalInput) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: api.authApplications.key() })
      onDone()
    },
  })
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    save.mutate(new FormData(event.currentTarget))
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Key settings of {application.name}</h2>
      <label htmlFor={`${id}-expires`}>Expires (empty: never)</label>
      <input id={`${id}-expires`} name="expiresAt" type="datetime-local" defaultValue={toLocalInput(application.expiresAt)} />
      <fieldset>
        <legend>Rate limit (empty: none)</legend>
        <label htmlFor={`${id}-requests`}>Requests</label>
        <input id={`${id}-requests`} name="requests" type="number" min={1} max={1_000_000} defaultValue={application.rateLimit?.requests ?? ''} />
        <label htmlFor={`${id}-window`}>Per seconds</label>
        <input id={`${id}-window`} name="windowSeconds" type="number" min={1} max={86_400} defaultValue={application.rateLimit?.windowSeconds ?? ''} />
      </fieldset>
      <label htmlFor={`${id}-ips`}>Allowed addresses, one IP or CIDR range a line (empty: any)</label>
      <textarea id={`${id}-ips`} name="allowedIps" rows={3} defaultValue={(application.allowedIps ?? []).join('\n')} />
      <ErrorMessage error={save.error} />
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          Save Key Settings
        </button>
      </div>
    </form>
  )
}
