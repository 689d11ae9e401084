import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction, Socket } from 'node:net'
import type { ResultStatus } from '@checkpost/healthcheck-contract'
import { literalAddressOf, type AddressPolicy } from './address-policy.ts'

/** What one probe saw. */
export interface ProbeOutcome {
  readonly status: ResultStatus
  readonly latencyMs: number
  readonly message: string
}

/** One http check's target. */
export interface ProbeTarget {
  readonly url: string
  readonly expectedStatus: number
  readonly timeoutMs: number
}

/** Thrown before any connection is made to an address the policy refuses. */
class AddressNotAllowed extends Error {}

/**
 * One HTTP GET: healthy when the answer has the expected status, unhealthy on
 * another status, a timeout, a connection error or an address the policy
 * refuses. The address is checked where it is used: a literal host before
 * connecting, a name inside the socket's DNS lookup (so a name resolving to
 * 127.0.0.1 is refused without connecting, and cannot change between check
 * and use), and the connected socket's remote address once more. Redirects
 * are never followed; the body is never read.
 */
export async function probeHttp(target: ProbeTarget, policy: AddressPolicy): Promise<ProbeOutcome> {
  const started = performance.now()
  const outcome = (status: ResultStatus, message: string) => ({ status, latencyMs: Math.round(performance.now() - started), message })
  try {
    const url = new URL(target.url)
    const literal = literalAddressOf(url.hostname)
    if (literal !== undefined && !policy.allows(literal)) throw new AddressNotAllowed(policy.refusal(literal))
    const status = await get(url, { policy, timeoutMs: target.timeoutMs })
    if (status === target.expectedStatus) return outcome('healthy', `HTTP ${status}`)
    return outcome('unhealthy', `HTTP ${status}, expected ${target.expectedStatus}`)
  } catch (error) {
    if (error instanceof AddressNotAllowed) return outcome('unhealthy', error.message)
    const timedOut = error instanceof Error && error.name === 'TimeoutError'
    return outcome('unhealthy', timedOut ? `no answer within ${target.timeoutMs} ms` : describe(error))
  }
}

function get(url: URL, options: { policy: AddressPolicy; timeoutMs: number }): Promise<number> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      agent: false, // a fresh socket per probe: no pooled connection to an address checked earlier
      lookup: checkedLookup(options.policy),
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { 'user-agent': 'checkpost-healthcheck' },
    })
    req.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        const remote = socket.remoteAddress
        if (remote === undefined || !options.policy.allows(remote)) {
          req.destroy(new AddressNotAllowed(options.policy.refusal(remote ?? 'unknown')))
        }
      })
    })
    req.on('response', (response: IncomingMessage) => {
      resolve(response.statusCode ?? 0)
      response.destroy()
    })
    req.on('error', (error) => reject(error.name === 'AbortError' && error.cause instanceof Error ? error.cause : error))
    req.end()
  })
}

/** A DNS lookup that answers only with addresses the policy allows, and fails (without connecting) otherwise. */
function checkedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0)
      const allowed = addresses.filter((entry) => policy.allows(entry.address))
      if (allowed.length === 0) {
        const refused = addresses[0]?.address ?? hostname
        return callback(new AddressNotAllowed(policy.refusal(refused)) as NodeJS.ErrnoException, '', 0)
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed)
      callback(null, allowed[0]!.address, allowed[0]!.family)
    })
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') return code
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
}
