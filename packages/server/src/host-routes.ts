import type { Database } from '@checkpost/db'
import type { Context } from 'hono'
import type { AuthRequest, CombinedAuthenticator } from './authenticator.ts'
import { clientAddressOf } from './client-address.ts'
import type { HostLimits } from './host-limits.ts'
import { errorResponse, jsonResponse, procedureErrorResponse, withHeaders } from './http-responses.ts'
import type { Logger } from './logger.ts'
import type { PluginMount } from './plugin-mount.ts'
import { bodySourceOf, isJsonContentType, readBodyText } from './read-body.ts'
import { authFailureReason } from './auth-failure-reason.ts'
import { requestRecordOf } from './request-tracking.ts'
import { toWireError, WireError, wireError } from './wire-error.ts'

/** What the HTTP routes need, built once by the host. */
export interface RouteDeps {
  readonly mounts: ReadonlyMap<string, PluginMount>
  readonly authenticator: CombinedAuthenticator
  readonly limits: HostLimits
  readonly logger: Logger
  readonly database: Database
}

/** The host's plugin routes: the JSON endpoint and the per-procedure endpoint. */
export function createRoutes({ mounts, authenticator, limits, logger, database }: RouteDeps) {
  async function jsonEndpoint(c: Context) {
    const record = requestRecordOf(c)
    const { requestId } = record
    const requestLogger = logger.child({ requestId })
    let authHeaders: Readonly<Record<string, string>> | undefined
    try {
      const mount = findMount(mounts, c.req.param('pluginId'))
      record.plugin = mount.pluginId
      const authRequest = authRequestOf(c)
      const outcome = await authenticator.authenticate(authRequest)
      if (!outcome.ok) {
        record.authFailure = authFailureReason(authRequest, outcome)
        const headers: Record<string, string> = { ...outcome.headers }
        if (outcome.retryAfterSeconds !== undefined) headers['retry-after'] = String(outcome.retryAfterSeconds)
        throw new WireError({ code: outcome.code, message: outcome.message }, headers)
      }
      authHeaders = outcome.headers
      if (!isJsonContentType(c.req.header('content-type'))) {
        throw wireError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
      }
      record.identity = { kind: outcome.identity.kind, id: outcome.identity.id }
      const body = parseJson(await readBodyText(bodySourceOf(c.req.raw, c.env), limits.maxBodyBytes))
      record.procedures = mount.knownProcedures(body)
      const results = await mount.jsonBatch(body, {
        db: database.db,
        requestId,
        logger: requestLogger,
        identity: outcome.identity,
        responseHeaders: new Headers(),
      })
      return jsonResponse(results, requestId, { headers: authHeaders })
    } catch (error) {
      return errorResponse(toWireError(error, requestLogger), requestId, authHeaders)
    }
  }

  async function procedureEndpoint(c: Context) {
    const record = requestRecordOf(c)
    const { requestId } = record
    const requestLogger = logger.child({ requestId })
    try {
      const mount = findMount(mounts, c.req.param('pluginId'))
      record.plugin = mount.pluginId
      const procedure = c.req.param('procedure')
      if (procedure !== undefined && mount.procedureNames.has(procedure)) record.procedures = [procedure]
      const text = await readBodyText(bodySourceOf(c.req.raw, c.env), limits.maxBodyBytes)
      if (text !== '' && !isJsonContentType(c.req.header('content-type'))) {
        throw wireError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
      }
      const headers = new Headers(c.req.raw.headers)
      headers.delete('content-length')
      const request = new Request(c.req.url, { method: 'POST', headers, body: text === '' ? undefined : text })
      const responseHeaders = new Headers({ 'x-request-id': requestId })
      const { matched, response } = await mount.handler.handle(request, {
        prefix: mount.prefix,
        context: {
          db: database.db,
          requestId,
          logger: requestLogger,
          authRequest: authRequestOf(c),
          responseHeaders,
          record,
        },
      })
      if (!matched) {
        throw wireError('NOT_FOUND', `Unknown procedure "${procedure}" in plugin "${mount.pluginId}"`, { procedure })
      }
      return withHeaders(response, responseHeaders)
    } catch (error) {
      return procedureErrorResponse(toWireError(error, requestLogger), requestId)
    }
  }

  return { jsonEndpoint, procedureEndpoint }
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
  return requestRecordOf(c).requestId
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
