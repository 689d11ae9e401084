import type { WireError } from './wire-error.ts'

const JSON_TYPE = 'application/json'

/** A 200 JSON response with the request id. */
export function jsonResponse(body: unknown, requestId: string, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_TYPE, 'x-request-id': requestId },
  })
}

/** The wire form of an error: status, JSON body, its headers and the request id. */
export function errorResponse(error: WireError, requestId: string): Response {
  const headers = new Headers({ 'content-type': JSON_TYPE, 'x-request-id': requestId, ...error.headers })
  if (error.status === 401) headers.set('www-authenticate', 'Bearer')
  return new Response(JSON.stringify(error.body), { status: error.status, headers })
}

/** Copies a response, adding headers (the oRPC handler's responses are not ours to mutate). */
export function withHeaders(response: Response, extra: Headers): Response {
  const headers = new Headers(response.headers)
  extra.forEach((value, key) => headers.set(key, value))
  return new Response(response.body, { status: response.status, headers })
}
