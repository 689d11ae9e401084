import type { Application } from '@checkpost/auth-applications-contract'
import { formatTime } from '../../components/format-time.ts'

/** An application's key settings in words: expiry, rate limit, allowed addresses, overlapping old secret. */
export function KeySummary({ application }: { application: Application }) {
  const { expiresAt, rateLimit, allowedIps, previousSecretExpiresAt } = application
  return (
    <dl className="key-summary">
      <dt>Expires</dt>
      <dd>{formatTime(expiresAt, 'Never')}</dd>
      <dt>Rate limit</dt>
      <dd>{rateLimit ? `${rateLimit.requests} per ${rateLimit.windowSeconds} s` : 'None'}</dd>
      <dt>Allowed addresses</dt>
      <dd>{allowedIps ? allowedIps.join(', ') : 'Any'}</dd>
      {previousSecretExpiresAt && Date.parse(previousSecretExpiresAt) > Date.now() && (
        <>
          <dt>Old secret</dt>
          <dd>works until {formatTime(previousSecretExpiresAt)}</dd>
        </>
      )}
    </dl>
  )
}
