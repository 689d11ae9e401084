import type { Database } from '@checkpost/db'
import type { Context } from 'hono'
import type { AuthRequest, CombinedAuthenticator } from './authenticator.ts'
import type { ClientAddressResolver } from './client-address.ts'
import type { HostLimits } from './host-limits.ts'
import { errorResponse, jsonResponse, procedureErrorResponse } from './http-responses.ts'
import type { Identity } from './identity.ts'
import type { Logger } from './logger.ts'
import type { PluginMount } from './plugin-mount.ts'
import { jsonDepthExceeds } from './json-depth.ts'
import { bodySourceOf, isJsonContentType, readBodyText } from './read-body.ts'
import { authFailureReason } from './auth-failure-reason.ts'
import type { RequestRecord } from './request-record.ts'
import type { SecureRequestCheck } from './request-scheme.ts'
import { requestHeader } from './request-header.ts'
import { requestRecordOf } from './request-tracking.ts'
import { toWireError, WireError, wireError } from './wire-error.ts'

/** What the HTTP routes need, built once by the host. */
export interface RouteDeps {
  readonly mounts: ReadonlyMap<string, PluginMount>
  readonly authenticator: CombinedAuthenticator
  readonly limits: HostLimits
  readonly logger: Logger
  readonly database: Database
  readonly clientAddressOf: ClientAddressResolver
  readonly isSecureRequest: SecureRequestCheck
}

/** The host's HTTP routes: health, the JSON endpoint and the per-procedure endpoint. */
export function createRoutes({ mounts, authenticator, limits, logger, database, clientAddressOf, isSecureRequest }: RouteDeps) {
  /**
   * Authenticates once for the request (noting who, or why not, in its record);
   * a refusal is thrown as its wire error. `clientIp` is the request's one
   * `clientAddressOf` answer, shared with the handlers' context.
   */
  async function authenticate(c: Context, record: RequestRecord, clientIp: string) {
    const request = { ...authRequestOf(c, clientIp), https: isSecureRequest(c) }
    const outcome = await authenticator.authenticate(request)
    if (outcome.ok) {
      record.identity = { kind: outcome.identity.kind, id: outcome.identity.id }
      return outcome
    }
    record.authFailure = authFailureReason(request, outcome)
    const headers: Record<string, string> = { ...outcome.headers }
    if (outcome.retryAfterSeconds !== undefined) headers['retry-after'] = String(outcome.retryAfterSeconds)
    throw new WireError({ code: outcome.code, message: outcome.message }, headers)
  }

  async function jsonEndpoint(c: Context) {
    const record = requestRecordOf(c)
    const { requestId } = record
    const requestLogger = logger.child({ requestId })
    let authHeaders: Readonly<Record<string, string>> | undefined
    try {
      const mount = findMount(mounts, c.req.param('pluginId'))
      record.plugin = mount.pluginId
      const sourceIp = clientAddressOf(c)
      const { identity, headers } = await authenticate(c, record, sourceIp)
      authHeaders = headers
      if (!isJsonContentType(requestHeader(c, 'content-type'))) {
        throw wireError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
      }
      const body = parseJson(await readJsonText(c, limits))
      record.procedures = mount.knownProcedures(body)
      const results = await mount.jsonBatch(body, batchContext({ requestId, logger: requestLogger, identity, sourceIp }))
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
    const record = requestRecordOf(c)
    const { requestId } = record
    const requestLogger = logger.child({ requestId })
    let authHeaders: Readonly<Record<string, string>> | undefined
    try {
      const mount = findMount(mounts, c.req.param('pluginId'))
      record.plugin = mount.pluginId
      const procedure = c.req.param('procedure')!
      if (mount.procedureNames.has(procedure)) record.procedures = [procedure]
      const sourceIp = clientAddressOf(c)
      const { identity, headers } = await authenticate(c, record, sourceIp)
      authHeaders = headers
      const text = await readJsonText(c, limits)
      if (text !== '' && !isJsonContentType(requestHeader(c, 'content-type'))) {
        throw wireError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
      }
      const input = text === '' ? null : parseJson(text)
      const results = await mount.jsonBatch({ [procedure]: input }, batchContext({ requestId, logger: requestLogger, identity, sourceIp }))
      return jsonResponse(results[procedure] ?? null, requestId, { headers: authHeaders })
    } catch (error) {
      return procedureErrorResponse(toWireError(error, requestLogger), requestId, authHeaders)
    }
  }

  function batchContext(request: { requestId: string; logger: Logger; identity: Identity; sourceIp: string }) {
    return { ...request, db: database.db }
  }

  return { jsonEndpoint, procedureEndpoint }
}

/** What the authenticators see of a request from `clientIp` (see `clientAddressOf`). */
export function authRequestOf(c: Context, clientIp: string): AuthRequest {
  return {
    authorization: requestHeader(c, 'authorization'),
    cookie: requestHeader(c, 'cookie'),
    clientIp,
    method: c.req.method,
    origin: requestHeader(c, 'origin'),
    host: requestHeader(c, 'host'),
  }
}

/** The request id of this request (a safe incoming one, or a fresh UUID). */
export function requestIdOf(c: Context): string {
  return requestRecordOf(c).requestId
}

function findMount(mounts: ReadonlyMap<string, PluginMount>, pluginId: string | undefined): PluginMount {
  const mount = pluginId === undefined ? undefined : mounts.get(pluginId)
  if (!mount) throw wireError('NOT_FOUND', `Unknown plugin "${pluginId}"`)
  return mount
}

/** The body as text, refused when too large (413) or nested deeper than the limit (400). */
async function readJsonText(c: Context, limits: HostLimits): Promise<string> {
  const text = await readBodyText(bodySourceOf(c.req.raw, c.env), limits.maxBodyBytes)
  if (jsonDepthExceeds(text, limits.maxJsonDepth)) {
    throw wireError('BAD_REQUEST', `Body is nested deeper than ${limits.maxJsonDepth} levels`)
  }
  return text
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw wireError('BAD_REQUEST', 'Body is not valid JSON')
  }
}
