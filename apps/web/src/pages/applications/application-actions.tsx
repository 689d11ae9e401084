import type { Application } from '@checkpost/auth-applications-contract'
import { useId, useState } from 'react'
import { clients } from '../../api/clients.ts'
import { ConfirmButton } from '../../components/confirm-button.tsx'

export interface ApplicationActionsProps {
  readonly application: Application
  readonly onSecret: (name: string, secret: string) => void
  readonly onEditKey: (application: Application) => void
  readonly refresh: () => Promise<unknown>
}

/** Row buttons: Key Settings, Regenerate Secret (optional overlap), Revoke Previous Secret, Delete. */
export function ApplicationActions({ application, onSecret, onEditKey, refresh }: ApplicationActionsProps) {
  const [overlap, setOverlap] = useState('0')
  const overlapId = useId()
  const applicationId = application.id
  const oldSecretWorks = application.previousSecretExpiresAt !== null && Date.parse(application.previousSecretExpiresAt) > Date.now()

  async function regenerate() {
    const seconds = Number(overlap)
    const renewed = await clients.authApplications.regenerateApplicationSecret({ applicationId, ...(seconds > 0 ? { previousSecretValidForSeconds: seconds } : {}) })
    await refresh()
    onSecret(renewed.name, renewed.secret)
  }
  async function revokePrevious() {
    await clients.authApplications.revokePreviousSecret({ applicationId })
    await refresh()
  }
  async function remove() {
    await clients.authApplications.deleteApplication({ applicationId })
    await refresh()
  }

  return (
    <div className="row-actions">
      <button type="button" onClick={() => onEditKey(application)}>
        Key Settings
      </button>
      <ConfirmButton
        label="Regenerate Secret"
        title={`Regenerate the secret of ${application.name}?`}
        consequence="The current secret stops working on the next request (or when the overlap below ends); every caller using it gets 401 until it has the new one."
        onConfirm={regenerate}
      >
        <label htmlFor={overlapId}>Keep the old secret working for (seconds, up to 604800)</label>
        <input id={overlapId} type="number" min={0} max={604_800} value={overlap} onChange={(event) => setOverlap(event.currentTarget.value)} />
      </ConfirmButton>
      {oldSecretWorks && (
        <ConfirmButton
          label="Revoke Previous Secret"
          title={`Revoke the previous secret of ${application.name}?`}
          consequence="The old secret, still in its overlap, is refused (401) from the next request; the current one keeps working."
          onConfirm={revokePrevious}
        />
      )}
      <ConfirmButton
        label="Delete"
        title={`Delete ${application.name}?`}
        consequence="The application and its key are removed for good; every call with its key is refused (401) from the next request."
        onConfirm={remove}
      />
    </div>
  )
}
