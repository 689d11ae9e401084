import { ServerError, toServerError } from './server-error.ts'

/** The signed-in user as `GET /auth/get-session` returns it. */
export interface SessionUser {
  readonly id: string
  readonly email: string
  readonly name: string
}

/** `GET /auth/get-session`: the user, or null without a session. */
export async function getSession(): Promise<SessionUser | null> {
  const body = await send('GET', '/auth/get-session')
  if (body === null || typeof body !== 'object' || !('user' in body)) return null
  return (body as { user: SessionUser }).user
}

/** `POST /auth/sign-in/email`; rejects with the server's words (401, 429…). */
export async function signIn(credentials: { email: string; password: string }): Promise<void> {
  await send('POST', '/auth/sign-in/email', credentials)
}

/** `POST /auth/sign-out`. */
export async function signOut(): Promise<void> {
  await send('POST', '/auth/sign-out', {})
}

async function send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (error) {
    throw new ServerError({ status: 0, code: 'NETWORK', message: `The server cannot be reached (${String(error)})`, requestId: undefined })
  }
  const text = await response.text()
  const parsed: unknown = text === '' ? null : safeJson(text)
  if (!response.ok) throw toServerError(response.status, parsed, response.headers.get('x-request-id') ?? undefined)
  return parsed
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
