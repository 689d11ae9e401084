import type { Role } from '@checkpost/auth-applications-contract'
import type { User } from '@checkpost/auth-users-contract'
import { useQueryClient } from '@tanstack/react-query'
import { api, clients } from '../../api/clients.ts'
import { ConfirmButton } from '../../components/confirm-button.tsx'
import { ErrorMessage } from '../../components/error-message.tsx'
import { formatTime } from '../../components/format-time.ts'
import { useCurrentUser } from '../../session/current-user.tsx'
import { RoleCheckboxes } from '../applications/role-checkboxes.tsx'
import { useRoleSetter } from '../applications/use-role-setter.ts'

const listKey = api.authUsers.getUsers.queryKey({ input: {} })

export interface UserRowProps {
  readonly user: User
  readonly roles: readonly Role[]
  readonly canManage: boolean
  readonly canSetRoles: boolean
}

/** One user: roles as inline checkboxes, Disable/Enable and Delete (not on oneself). */
export function UserRow({ user, roles, canManage, canSetRoles }: UserRowProps) {
  const me = useCurrentUser()
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.authUsers.key() })
  const roleSetter = useRoleSetter(user.roles, async (roleIds) => {
    const updated = await clients.authUsers.setUserRoles({ userId: user.id, roleIds })
    queryClient.setQueryData(listKey, (list) => list && { users: list.users.map((u) => (u.id === updated.id ? updated : u)) })
    await refresh()
  })
  const self = user.id === me.id

  async function setDisabled(disabled: boolean) {
    await clients.authUsers.updateUser({ userId: user.id, disabled })
    await refresh()
  }
  async function remove() {
    await clients.authUsers.deleteUser({ userId: user.id })
    await refresh()
  }

  return (
    <tr>
      <th scope="row">
        {user.name}
        {user.disabled && <span className="badge">disabled</span>}
      </th>
      <td>{user.email}</td>
      <td>
        <RoleCheckboxes
          roles={roles}
          selected={roleSetter.selected}
          disabled={roleSetter.busy}
          onChange={canSetRoles && !self ? roleSetter.change : undefined}
        />
        <ErrorMessage error={roleSetter.error} />
      </td>
      <td>{formatTime(user.lastSignInAt)}</td>
      {canManage && (
        <td>
          <div className="row-actions">
          {!self && user.disabled && (
            <ConfirmButton label="Enable" title={`Enable ${user.name}?`} consequence="They can sign in and use their API keys again." danger={false} onConfirm={() => setDisabled(false)} />
          )}
          {!self && !user.disabled && (
            <ConfirmButton label="Disable" title={`Disable ${user.name}?`} consequence="Their sessions and API keys stop working on the next request; nothing is deleted." onConfirm={() => setDisabled(true)} />
          )}
          {!self && (
            <ConfirmButton label="Delete" title={`Delete ${user.name}?`} consequence="The user, their sessions and their API keys are removed for good; their keys are refused (401) from the next request." onConfirm={remove} />
          )}
          </div>
        </td>
      )}
    </tr>
  )
}
