import type { WireError } from './wire-error.ts'

const JSON_TYPE = 'application/json'

/** A JSON response (200 unless told) with the request id and any extra headers. */
export function jsonResponse(
  body: unknown,
  requestId: string,
  options: { status?: number; headers?: Readonly<Record<string, string>> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: options.status ?? 200,
    headers: { ...options.headers, 'content-type': JSON_TYPE, 'x-request-id': requestId },
  })
}

/** The wire form of an error: status, JSON body, its headers (plus `extra`) and the request id. */
export function errorResponse(error: WireError, requestId: string, extra?: Readonly<Record<string, string>>): Response {
  return respondWithError(error, error.body, { requestId, extra })
}

/**
 * The same error in oRPC's JSON shape, for the per-procedure endpoint, so that
 * every error there — the host's before the handler, oRPC's inside it — reads
 * alike and oRPC clients decode it: `{defined, code, status, message, data}`.
 */
export function procedureErrorResponse(error: WireError, requestId: string, extra?: Readonly<Record<string, string>>): Response {
  const { code, message, issues } = error.body
  const body = { defined: false, code, status: error.status, message, ...(issues ? { data: { issues } } : {}) }
  return respondWithError(error, body, { requestId, extra })
}

function respondWithError(
  error: WireError,
  body: unknown,
  { requestId, extra }: { requestId: string; extra?: Readonly<Record<string, string>> },
): Response {
  const headers = new Headers({ ...extra, 'content-type': JSON_TYPE, 'x-request-id': requestId, ...error.headers })
  if (error.status === 401) headers.set('www-authenticate', 'Bearer')
  return new Response(JSON.stringify(body), { status: error.status, headers })
}
