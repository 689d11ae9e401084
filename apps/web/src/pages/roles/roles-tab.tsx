import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { useCan } from '../../session/current-user.tsx'
import { AccessRulesList } from './access-rules-list.tsx'
import { CreateRoleForm } from './create-role-form.tsx'
import { RolesTable } from './roles-table.tsx'

/** Authentication Settings → Roles: the roles, and every access rule grouped by plugin. */
export function RolesTab() {
  const can = useCan()
  const canManage = can('auth-applications.roles.manage')
  const roles = useQuery(api.authApplications.getRoles.queryOptions({ input: {} }))
  const rules = useQuery(api.authApplications.getAccessRules.queryOptions({ input: {} }))
  const [creating, setCreating] = useState(false)
  const accessRules = rules.data?.accessRules ?? []

  return (
    <section aria-labelledby="roles-title">
      <div className="section-head">
        <h2 id="roles-title">Roles</h2>
        {canManage && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create Role
          </button>
        )}
      </div>
      <ErrorMessage error={roles.error ?? rules.error} />
      {creating && <CreateRoleForm accessRules={accessRules} onDone={() => setCreating(false)} />}
      <RolesTable roles={roles.data?.roles ?? []} canManage={canManage} />
      <h2>Access rules</h2>
      <AccessRulesList accessRules={accessRules} />
    </section>
  )
}
