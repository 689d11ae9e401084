import type { Role } from '@checkpost/auth-applications-contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'

/** Create User: Email, Name, an initial Password and the roles to give. */
export function CreateUserForm({ roles, onDone }: { roles: readonly Role[]; onDone: () => void }) {
  const queryClient = useQueryClient()
  const create = useMutation(
    api.authUsers.createUser.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: api.authUsers.key() })
        onDone()
      },
    }),
  )
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    create.mutate({
      email: String(form.get('email') ?? ''),
      name: String(form.get('name') ?? ''),
      password: String(form.get('password') ?? ''),
      roleIds: form.getAll('roleId').map(String),
    })
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">Create User</h2>
      <label htmlFor="user-email">Email</label>
      <input id="user-email" name="email" type="email" required autoComplete="off" autoFocus />
      <label htmlFor="user-name">Name</label>
      <input id="user-name" name="name" required maxLength={200} />
      <label htmlFor="user-password">Password</label>
      <input id="user-password" name="password" type="password" required minLength={8} maxLength={128} autoComplete="new-password" />
      {roles.length > 0 && (
        <fieldset>
          <legend>Roles</legend>
          {roles.map((role) => (
            <label key={role.id} className="checkbox">
              <input type="checkbox" name="roleId" value={role.id} />
              {role.name}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={create.error} />
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create User
        </button>
      </div>
    </form>
  )
}
