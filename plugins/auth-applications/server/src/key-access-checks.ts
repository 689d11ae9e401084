import { parseAddressList, type AddressList, type AuthOutcome, type Clock, type RequestLimiter } from '@checkpost/server'
import { createBoundedCache } from '@checkpost/server'
import type { KeyRow } from './key-lookup.ts'

type Refusal = Extract<AuthOutcome, { ok: false }>

/** What the key's own settings say about this request: a refusal or nothing, and headers either way. */
export interface KeyAccessVerdict {
  readonly refusal?: Refusal
  readonly headers: Record<string, string>
}

/**
 * Expiry, source allowlist and rate limit of a key whose secret matched, in
 * that order (a refused address spends none of the key's requests). Allowlists
 * are parsed once per distinct list.
 */
export function createKeyAccessChecks({ clock, limiter }: { clock: Clock; limiter: RequestLimiter }) {
  const allowlists = createBoundedCache<string, AddressList>(10_000)

  function allowlistOf(text: string): AddressList {
    let list = allowlists.get(text)
    if (!list) {
      list = parseAddressList(JSON.parse(text) as string[], 'allowedIps')
      allowlists.set(text, list)
    }
    return list
  }

  return async function checkKeyAccess(row: KeyRow, clientIp: string): Promise<KeyAccessVerdict> {
    const headers: Record<string, string> = {}
    if (row.expires_at !== null) {
      headers['checkpost-key-expires'] = row.expires_at
      if (Date.parse(row.expires_at) <= clock.now().getTime()) {
        return { headers, refusal: { ok: false, code: 'UNAUTHORIZED', message: 'Key expired', headers } }
      }
    }
    if (row.allowed_ips !== null && !allowlistOf(row.allowed_ips).contains(clientIp)) {
      return { headers, refusal: { ok: false, code: 'FORBIDDEN', message: 'Source address not allowed', headers } }
    }
    if (row.rate_limit_requests === null || row.rate_limit_window_seconds === null) return { headers }
    const rule = { points: Number(row.rate_limit_requests), durationSeconds: Number(row.rate_limit_window_seconds) }
    const verdict = await limiter.consume(row.id, rule)
    headers['ratelimit-limit'] = String(verdict.limit)
    headers['ratelimit-remaining'] = String(verdict.remaining)
    headers['ratelimit-reset'] = String(verdict.resetSeconds)
    if (verdict.allowed) return { headers }
    const message = `Rate limit of ${rule.points} requests per ${rule.durationSeconds} s exceeded`
    return { headers, refusal: { ok: false, code: 'TOO_MANY_REQUESTS', message, retryAfterSeconds: verdict.resetSeconds, headers } }
  }
}
