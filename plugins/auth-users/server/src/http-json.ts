import { ERROR_STATUS, type ErrorCode, type ErrorIssue } from '@checkpost/contract'
import { readBodyText, WireError } from '@checkpost/server'

/** A JSON 200 response, with any extra headers (e.g. Set-Cookie). */
export function jsonOk(body: unknown, headers = new Headers()): Response {
  headers.set('content-type', 'application/json')
  return new Response(JSON.stringify(body), { status: 200, headers })
}

/** An error in DESIGN.md's wire shape. */
export function jsonError(
  code: ErrorCode,
  message: string,
  extra: { issues?: ErrorIssue[]; headers?: Record<string, string> } = {},
): Response {
  const body = { code, message, ...(extra.issues ? { issues: extra.issues } : {}) }
  return new Response(JSON.stringify(body), { status: ERROR_STATUS[code], headers: { ...extra.headers, 'content-type': 'application/json' } })
}

const MAX_BODY_BYTES = 16 * 1024

/**
 * The body as a JSON object, or the 400/413/415 response to send instead. It
 * stops reading past 16 KiB (these routes take no credential: nobody gets to
 * make the host buffer a huge body) and refuses bytes that are not UTF-8.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return jsonError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
  }
  let text: string
  try {
    text = await readBodyText({ contentLength: request.headers.get('content-length') ?? undefined, chunks: request.body }, MAX_BODY_BYTES)
  } catch (error) {
    if (error instanceof WireError) return jsonError(error.body.code, error.body.message)
    throw error
  }
  try {
    const body: unknown = JSON.parse(text)
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // answered below
  }
  return jsonError('BAD_REQUEST', 'Body must be a JSON object')
}
