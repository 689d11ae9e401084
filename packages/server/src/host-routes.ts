import type { Database } from '@checkpost/db'
import type { Context } from 'hono'
import type { AuthRequest, CombinedAuthenticator } from './authenticator.ts'
import { clientAddressOf } from './client-address.ts'
import type { HostLimits } from './host-limits.ts'
import { errorResponse, jsonResponse, procedureErrorResponse } from './http-responses.ts'
import type { Identity } from './identity.ts'
import type { Logger } from './logger.ts'
import type { PluginMount } from './plugin-mount.ts'
import { bodySourceOf, isJsonContentType, readBodyText } from './read-body.ts'
import { resolveRequestId } from './request-id.ts'
import { toWireError, WireError, wireError } from './wire-error.ts'

/** What the HTTP routes need, built once by the host. */
export interface RouteDeps {
  readonly mounts: ReadonlyMap<string, PluginMount>
  readonly authenticator: CombinedAuthenticator
  readonly limits: HostLimits
  readonly logger: Logger
  readonly database: Database
}

/** The host's HTTP routes: health, the JSON endpoint and the per-procedure endpoint. */
export function createRoutes({ mounts, authenticator, limits, logger, database }: RouteDeps) {
  const HEALTH_TIMEOUT_MS = 2000

  async function health(c: Context) {
    const requestId = requestIdOf(c)
    try {
      await withTimeout(database.ping(), HEALTH_TIMEOUT_MS)
      return jsonResponse({ status: 'ok' }, requestId)
    } catch (error) {
      logger.warn('health check failed', { requestId, error })
      return jsonResponse({ code: 'SERVICE_UNAVAILABLE', message: 'Database unreachable' }, requestId, { status: 503 })
    }
  }

  /** Authenticates once for the request; a refusal is thrown as its wire error. */
  async function authenticate(c: Context) {
    const outcome = await authenticator.authenticate(authRequestOf(c))
    if (outcome.ok) return outcome
    const headers: Record<string, string> = { ...outcome.headers }
    if (outcome.retryAfterSeconds !== undefined) headers['retry-after'] = String(outcome.retryAfterSeconds)
    throw new WireError({ code: outcome.code, message: outcome.message }, headers)
  }

  async function jsonEndpoint(c: Context) {
    const requestId = requestIdOf(c)
    const requestLogger = logger.child({ requestId })
    let authHeaders: Readonly<Record<string, string>> | undefined
    try {
      const mount = findMount(mounts, c.req.param('pluginId'))
      const { identity, headers } = await authenticate(c)
      authHeaders = headers
      if (!isJsonContentType(c.req.header('content-type'))) {
        throw wireError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
      }
      const body = parseJson(await readBodyText(bodySourceOf(c.req.raw, c.env), limits.maxBodyBytes))
      const results = await mount.jsonBatch(body, batchContext({ requestId, logger: requestLogger, identity }))
      return jsonResponse(results, requestId, { headers: authHeaders })
    } catch (error) {
      return errorResponse(toWireError(error, requestLogger), requestId, authHeaders)
    }
  }

  /**
   * One procedure, its input the whole body (empty = none), its output the
   * whole answer; errors in oRPC's shape so oRPC clients decode them. It runs
   * through the same checks and handlers as a one-key JSON batch, without
   * re-wrapping the request for a second parser.
   */
  async function procedureEndpoint(c: Context) {
    const requestId = requestIdOf(c)
    const requestLogger = logger.child({ requestId })
    let authHeaders: Readonly<Record<string, string>> | undefined
    try {
      const mount = findMount(mounts, c.req.param('pluginId'))
      const procedure = c.req.param('procedure')!
      const { identity, headers } = await authenticate(c)
      authHeaders = headers
      const text = await readBodyText(bodySourceOf(c.req.raw, c.env), limits.maxBodyBytes)
      if (text !== '' && !isJsonContentType(c.req.header('content-type'))) {
        throw wireError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
      }
      const input = text === '' ? null : parseJson(text)
      const results = await mount.jsonBatch({ [procedure]: input }, batchContext({ requestId, logger: requestLogger, identity }))
      return jsonResponse(results[procedure] ?? null, requestId, { headers: authHeaders })
    } catch (error) {
      return procedureErrorResponse(toWireError(error, requestLogger), requestId, authHeaders)
    }
  }

  function batchContext(request: { requestId: string; logger: Logger; identity: Identity }) {
    return { ...request, db: database.db }
  }

  return { health, jsonEndpoint, procedureEndpoint }
}

/** What the authenticators see of a request. */
export function authRequestOf(c: Context): AuthRequest {
  return {
    authorization: c.req.header('authorization'),
    cookie: c.req.header('cookie'),
    clientIp: clientAddressOf(c),
    method: c.req.method,
    origin: c.req.header('origin'),
  }
}

/** The request id of this request (a safe incoming one, or a fresh UUID). */
export function requestIdOf(c: Context): string {
  return resolveRequestId(c.req.header('x-request-id'))
}

function findMount(mounts: ReadonlyMap<string, PluginMount>, pluginId: string | undefined): PluginMount {
  const mount = pluginId === undefined ? undefined : mounts.get(pluginId)
  if (!mount) throw wireError('NOT_FOUND', `Unknown plugin "${pluginId}"`)
  return mount
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw wireError('BAD_REQUEST', 'Body is not valid JSON')
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

