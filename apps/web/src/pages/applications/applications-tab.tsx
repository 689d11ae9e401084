import type { Application } from '@checkpost/auth-applications-contract'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../api/clients.ts'
import { ErrorMessage } from '../../components/error-message.tsx'
import { SecretReveal } from '../../components/secret-reveal.tsx'
import { useCan } from '../../session/current-user.tsx'
import { ApplicationRow } from './application-row.tsx'
import { CreateApplicationForm } from './create-application-form.tsx'
import { KeySettingsForm } from './key-settings-form.tsx'

/** Authentication Settings → Applications. */
export function ApplicationsTab() {
  const can = useCan()
  const canManage = can('auth-applications.applications.manage')
  const applications = useQuery({ ...api.authApplications.getApplications.queryOptions({ input: {} }), refetchInterval: 15_000 })
  const roles = useQuery({ ...api.authApplications.getRoles.queryOptions({ input: {} }), enabled: can('auth-applications.roles.read') })
  const [creating, setCreating] = useState(false)
  const [secret, setSecret] = useState<{ title: string; secret: string } | null>(null)
  const [editing, setEditing] = useState<Application | null>(null)

  function showSecret(title: string, value: string) {
    setCreating(false)
    setSecret({ title, secret: value })
  }

  return (
    <section aria-labelledby="applications-title">
      <div className="section-head">
        <h2 id="applications-title">Applications</h2>
        {canManage && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create Application
          </button>
        )}
      </div>
      {creating && <CreateApplicationForm onCreated={(name, value) => showSecret(`Application ${name} created`, value)} onCancel={() => setCreating(false)} />}
      {editing && <KeySettingsForm key={editing.id} application={editing} onDone={() => setEditing(null)} />}
      {secret && <SecretReveal title={secret.title} secret={secret.secret} onDone={() => setSecret(null)} />}
      <ErrorMessage error={applications.error ?? roles.error} />
      <div className="table-wrap">
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Roles</th>
              <th scope="col">Last Used</th>
              <th scope="col">Key</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {applications.data?.applications.map((application) => (
              <ApplicationRow
                key={application.id}
                application={application}
                roles={roles.data?.roles ?? []}
                canManage={canManage}
                canSetRoles={canManage && roles.isSuccess}
                onSecret={(name, value) => showSecret(`New secret for ${name}`, value)}
                onEditKey={setEditing}
              />
            ))}
          </tbody>
        </table>
      </div>
      {applications.data?.applications.length === 0 && <p className="empty">No applications yet.</p>}
    </section>
  )
}
