import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { groupByPlugin } from './group-by-plugin.ts'

interface RuleView {
  readonly id: string
  readonly pluginId: string
}

/** Create Role: a name, a description and the rules it holds, grouped by plugin. */
export function CreateRoleForm({ accessRules, onDone }: { accessRules: readonly RuleView[]; onDone: () => void }) {
  const queryClient = useQueryClient()
  const create = useMutation(
    api.authApplications.createRole.mutationOptions({
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
    create.mutate({
      name: String(form.get('name') ?? ''),
      ...(description ? { description } : {}),
      accessRules: form.getAll('rule').map(String),
    })
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-role-title">
      <h2 id="create-role-title">Create Role</h2>
      <label htmlFor="role-name">Name</label>
      <input id="role-name" name="name" required maxLength={200} autoFocus />
      <label htmlFor="role-description">Description</label>
      <input id="role-description" name="description" maxLength={2000} />
      {groupByPlugin(accessRules).map(([pluginId, rules]) => (
        <fieldset key={pluginId}>
          <legend>{pluginId}</legend>
          {rules.map((rule) => (
            <label key={rule.id} className="checkbox">
              <input type="checkbox" name="rule" value={rule.id} />
              {rule.id}
            </label>
          ))}
        </fieldset>
      ))}
      <ErrorMessage error={create.error} />
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create Role
        </button>
      </div>
    </form>
  )
}
