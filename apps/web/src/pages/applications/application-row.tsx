import type { Application, Role } from '@checkpost/auth-applications-contract'
import { useQueryClient } from '@tanstack/react-query'
import { api, clients } from '../../api/clients.ts'
import { ConfirmButton } from '../../components/confirm-button.tsx'
import { ErrorMessage } from '../../components/error-message.tsx'
import { formatTime } from '../../components/format-time.ts'
import { RoleCheckboxes } from './role-checkboxes.tsx'
import { useRoleSetter } from './use-role-setter.ts'

const listKey = api.authApplications.getApplications.queryKey({ input: {} })

export interface ApplicationRowProps {
  readonly application: Application
  readonly roles: readonly Role[]
  /** The caller holds auth-applications.applications.manage. */
  readonly canManage: boolean
  /** The roles are known too, so checkboxes can be offered. */
  readonly canSetRoles: boolean
  readonly onSecret: (name: string, secret: string) => void
}

/** One application: its roles as inline checkboxes, Last Used, Regenerate Secret and Delete. */
export function ApplicationRow({ application, roles, canManage, canSetRoles, onSecret }: ApplicationRowProps) {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.authApplications.key() })
  const roleSetter = useRoleSetter(application.roles, async (roleIds) => {
    const updated = await clients.authApplications.setApplicationRoles({ applicationId: application.id, roleIds })
    queryClient.setQueryData(listKey, (list) => list && { applications: list.applications.map((a) => (a.id === updated.id ? updated : a)) })
    await refresh()
  })

  async function regenerate() {
    const renewed = await clients.authApplications.regenerateApplicationSecret({ applicationId: application.id })
    await refresh()
    onSecret(renewed.name, renewed.secret)
  }

  async function remove() {
    await clients.authApplications.deleteApplication({ applicationId: application.id })
    await refresh()
  }

  return (
    <tr>
      <th scope="row">{application.name}</th>
      <td data-label="Description">{application.description ?? ''}</td>
      <td data-label="Roles">
        <RoleCheckboxes
          roles={roles}
          selected={roleSetter.selected}
          disabled={roleSetter.busy}
          onChange={canSetRoles ? roleSetter.change : undefined}
        />
        <ErrorMessage error={roleSetter.error} />
      </td>
      <td data-label="Last Used">
        <time dateTime={application.lastUsedAt ?? undefined}>{formatTime(application.lastUsedAt)}</time>
      </td>
      {canManage && (
        <td>
          <div className="row-actions">
          <ConfirmButton
            label="Regenerate Secret"
            title={`Regenerate the secret of ${application.name}?`}
            consequence="The current secret stops working on the next request; every caller using it gets 401 until it has the new one."
            onConfirm={regenerate}
          />
          <ConfirmButton
            label="Delete"
            title={`Delete ${application.name}?`}
            consequence="The application and its key are removed for good; every call with its key is refused (401) from the next request."
            onConfirm={remove}
          />
          </div>
        </td>
      )}
    </tr>
  )
}
