import { createApplication } from '@checkpost/auth-applications-server'
import { runInTransaction } from '@checkpost/db'
import { systemClock } from '@checkpost/server'
import type { ConsoleServer } from './console-server.ts'

/** POSTs one call to the JSON endpoint with a key; returns status and parsed body. */
export async function callWithKey(baseUrl: string, key: string, call: { plugin: string; procedure: string; input?: unknown }) {
  const response = await fetch(`${baseUrl}/api/${call.plugin}/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ [call.procedure]: call.input ?? {} }),
  })
  const body = (await response.json()) as Record<string, unknown>
  return { status: response.status, body: body[call.procedure] ?? body, headers: response.headers }
}

/** An admin application key minted straight in the database, to seed users and data over the API. */
export async function mintAdminKey(server: ConsoleServer): Promise<string> {
  const admin = await runInTransaction(server.server.database, (db) =>
    createApplication(db, { name: 'seed-admin', roleIds: ['admin'], createdBy: 'test' }, systemClock),
  )
  return admin.secret
}

/** Creates a user over the API (auth-users.createUser) and returns its id. */
export async function createUser(server: ConsoleServer, user: { adminKey: string; email: string; password: string; roleIds: string[] }) {
  const input = { email: user.email, name: user.email.split('@')[0], password: user.password, roleIds: user.roleIds }
  const created = await callWithKey(server.url, user.adminKey, { plugin: 'auth-users', procedure: 'createUser', input })
  if (created.status !== 200) throw new Error(`createUser answered ${created.status}: ${JSON.stringify(created.body)}`)
  return (created.body as { id: string }).id
}
