import type { Application, Role } from '@checkpost/auth-applications-contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, clients } from '../../api/clients.ts'
import { ConfirmButton } from '../../components/confirm-button.tsx'
import { ErrorMessage } from '../../components/error-message.tsx'
import { formatTime } from '../../components/format-time.ts'
import { RoleCheckboxes } from './role-checkboxes.tsx'

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
  const setRoles = useMutation(
    api.authApplications.setApplicationRoles.mutationOptions({
      onSuccess: (updated) => queryClient.setQueryData(listKey, (list) => list && { applications: list.applications.map((a) => (a.id === updated.id ? updated : a)) }),
      onSettled: refresh,
    }),
  )
  // The box shows the roles being set at once; the list catches up when the call returns.
  const selectedRoles = setRoles.isPending ? setRoles.variables.roleIds : application.roles

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
      <td>{application.description ?? ''}</td>
      <td>
        <RoleCheckboxes
          roles={roles}
          selected={selectedRoles}
          disabled={setRoles.isPending}
          onChange={canSetRoles ? (roleIds) => setRoles.mutate({ applicationId: application.id, roleIds }) : undefined}
        />
        <ErrorMessage error={setRoles.error} />
      </td>
      <td>
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
