import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, clients } from '../../api/clients.ts'
import { ConfirmButton } from '../../components/confirm-button.tsx'
import { ErrorMessage } from '../../components/error-message.tsx'
import { formatTime } from '../../components/format-time.ts'
import { SecretReveal } from '../../components/secret-reveal.tsx'
import { CreateApiKeyForm } from './create-api-key-form.tsx'

/** API Keys: the signed-in user's own `cku_` keys, which act with its roles and teams. */
export function ApiKeysPage() {
  const queryClient = useQueryClient()
  const keys = useQuery(api.authUsers.getUserApiKeys.queryOptions({ input: {} }))
  const [creating, setCreating] = useState(false)
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null)
  async function remove(keyId: string) {
    await clients.authUsers.deleteUserApiKey({ keyId })
    await queryClient.invalidateQueries({ queryKey: api.authUsers.key() })
  }
  return (
    <>
      <div className="section-head">
        <h1>API Keys</h1>
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create API Key
          </button>
        )}
      </div>
      <p className="hint">Your own keys act with your roles and teams, and stop when your account is disabled or deleted.</p>
      {creating && (
        <CreateApiKeyForm
          onCreated={(created) => {
            setCreating(false)
            setSecret(created)
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {secret && <SecretReveal title={`New API key ${secret.name}`} secret={secret.secret} onDone={() => setSecret(null)} />}
      <ErrorMessage error={keys.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last Used</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {keys.data?.keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>{formatTime(key.createdAt)}</td>
                <td>{formatTime(key.expiresAt)}</td>
                <td>{formatTime(key.lastUsedAt)}</td>
                <td>
                  <ConfirmButton
                    label="Delete"
                    title={`Delete the API key ${key.name}?`}
                    consequence="Every call with it is refused (401) from the next request. This cannot be undone."
                    onConfirm={() => remove(key.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {keys.data?.keys.length === 0 && <p className="empty">You have no API keys.</p>}
    </>
  )
}
