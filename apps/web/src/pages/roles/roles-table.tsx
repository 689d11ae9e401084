import type { Role } from '@checkpost/auth-applications-contract'
import { useQueryClient } from '@tanstack/react-query'
import { api, clients } from '../../api/clients.ts'
import { ConfirmButton } from '../../components/confirm-button.tsx'

/** The roles with their rules; Delete on custom roles for those who manage roles. */
export function RolesTable({ roles, canManage }: { roles: readonly Role[]; canManage: boolean }) {
  const queryClient = useQueryClient()
  async function remove(roleId: string) {
    await clients.authApplications.deleteRole({ roleId })
    await queryClient.invalidateQueries({ queryKey: api.authApplications.key() })
  }
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Description</th>
            <th scope="col">Access rules</th>
            {canManage && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => (
            <tr key={role.id}>
              <th scope="row">
                {role.name}
                {role.builtIn && <span className="badge">built-in</span>}
              </th>
              <td>{role.description ?? ''}</td>
              <td>{role.accessRules.length > 0 ? role.accessRules.map((rule) => <code key={rule}>{rule} </code>) : 'None'}</td>
              {canManage && (
                <td>
                  {!role.builtIn && (
                    <ConfirmButton
                      label="Delete"
                      title={`Delete the role ${role.name}?`}
                      consequence="Every application and user holding it loses its access rules on their next request."
                      onConfirm={() => remove(role.id)}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
