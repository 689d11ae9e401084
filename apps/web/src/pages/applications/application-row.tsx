import type { Application, Role } from '@checkpost/auth-applications-contract'
import { useQueryClient } from '@tanstack/react-query'
import { api, clients } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { formatTime } from '../../components/format-time.ts'
import { ApplicationActions } from './application-actions.tsx'
import { KeySummary } from './key-summary.tsx'
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
  readonly onEditKey: (application: Application) => void
}

/** One application: its roles as inline checkboxes, Last Used, its key settings and the row actions. */
export function ApplicationRow({ application, roles, canManage, canSetRoles, onSecret, onEditKey }: ApplicationRowProps) {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.authApplications.key() })
  const roleSetter = useRoleSetter(application.roles, async (roleIds) => {
    const updated = await clients.authApplications.setApplicationRoles({ applicationId: application.id, roleIds })
    queryClient.setQueryData(listKey, (list) => list && { applications: list.applications.map((a) => (a.id === updated.id ? updated : a)) })
    await refresh()
  })

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
      <td data-label="Key">
        <KeySummary application={application} />
      </td>
      {canManage && (
        <td>
          <ApplicationActions application={application} onSecret={onSecret} onEditKey={onEditKey} refresh={refresh} />
        </td>
      )}
    </tr>
  )
}
