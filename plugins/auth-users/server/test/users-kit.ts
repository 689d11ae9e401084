import { runInTransaction } from '@checkpost/db'
import { createTestHost, type TestHost } from '@checkpost/testing'
import type { Engine } from '@checkpost/db'
import type { Host } from '@checkpost/server'
import { authUsersPlugin, createUser } from '../src/index.ts'

export const PASSWORD = 'correct horse battery'

/** A test host with auth-users mounted beside auth-applications. */
export function createUsersHost(engine: Engine, settings: Record<string, string> = {}): Promise<TestHost> {
  return createTestHost({ engine, plugins: [authUsersPlugin], settings })
}

/** Inserts a user straight into the database (as the CLI does). */
export async function seedUser(t: TestHost, email: string, roleIds: string[] = []): Promise<string> {
  return runInTransaction(t.db.database, (trx) =>
    createUser(trx, { email, name: email.split('@')[0]!, password: PASSWORD, roleIds, at: new Date().toISOString() }),
  )
}

/** A raw request to the host's app (for /auth routes). */
export function request(host: Host, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', host: 'checkpost.test', ...init.headers }
  const body = init.body === undefined ? undefined : JSON.stringify(init.body)
  return host.app.request(`http://checkpost.test${path}`, { method: init.method ?? 'POST', headers, body })
}

/** Signs in and returns the `name=value` of the session cookie. */
export async function signIn(host: Host, email: string, password = PASSWORD): Promise<string> {
  const response = await request(host, '/auth/sign-in/email', { body: { email, password } })
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  return cookieOf(response)
}

export function cookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('checkpost.session_token='))
  if (!cookie) throw new Error('no session cookie')
  return cookie.split(';')[0]!
}

/** POSTs to `/api/{path}` with a cookie. */
export async function callWithCookie(host: Host, path: string, options: { cookie: string; body?: unknown; origin?: string }) {
  const headers: Record<string, string> = { cookie: options.cookie }
  if (options.origin) headers.origin = options.origin
  const response = await request(host, `/api/${path}`, { body: options.body ?? {}, headers })
  return { status: response.status, body: (await response.json()) as any, headers: response.headers }
}
