import { authApplicationsAccess } from '@checkpost/auth-applications-contract'
import { authUsersAccess } from '@checkpost/auth-users-contract'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { useCan } from '../../session/current-user.tsx'
import { CreateUserForm } from './create-user-form.tsx'
import { UserRow } from './user-row.tsx'

/** Authentication Settings → Users: people who sign in, their roles, disabling and deleting them. */
export function UsersTab() {
  const can = useCan()
  const canManage = can(authUsersAccess.users.manage.id)
  const users = useQuery(api.authUsers.getUsers.queryOptions({ input: {} }))
  const roles = useQuery({ ...api.authApplications.getRoles.queryOptions({ input: {} }), enabled: can(authApplicationsAccess.roles.read.id) })
  const [creating, setCreating] = useState(false)
  const roleList = roles.data?.roles ?? []

  return (
    <section aria-labelledby="users-title">
      <div className="section-head">
        <h2 id="users-title">Users</h2>
        {canManage && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create User
          </button>
        )}
      </div>
      <ErrorMessage error={users.error ?? roles.error} />
      {creating && <CreateUserForm roles={roleList} onDone={() => setCreating(false)} />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Last Sign-in</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((user) => (
              <UserRow key={user.id} user={user} roles={roleList} canManage={canManage} canSetRoles={canManage && roles.isSuccess} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
