import type { TestHost } from '@checkpost/testing'

/** Settings that make the in-process host trust its own socket (127.0.0.1), so X-Forwarded-For names the client. */
export const TRUST_LOCAL_PROXY = { CHECKPOST_TRUSTED_PROXIES: '127.0.0.1' }

/** `getSystems` with `key`, from `from` (sent as X-Forwarded-For) when given. */
export function getSystemsAs(t: TestHost, key: string, from?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` }
  if (from !== undefined) headers['x-forwarded-for'] = from
  return t.call('catalog/', { headers, body: { getSystems: {} } })
}

/** One auth-applications procedure called by the admin key; returns the whole answer. */
export async function asAdmin(t: TestHost, procedure: string, input: unknown) {
  const answer = await t.call('auth-applications/', { key: t.adminKey, body: { [procedure]: input } })
  return { status: answer.status, body: answer.status === 200 ? answer.body[procedure] : answer.body, headers: answer.headers }
}

/** A new application holding `catalog.catalog.read` through a fresh role, with extra createApplication fields. */
export async function createReader(t: TestHost, fields: Record<string, unknown> = {}) {
  const { id } = await t.createKey(['catalog.catalog.read'])
  const role = (await asAdmin(t, 'getApplications', {})).body.applications.find((a: { id: string }) => a.id === id).roles[0]
  const created = await asAdmin(t, 'createApplication', { name: `reader-${Math.random()}`, ...fields })
  if (created.status !== 200) throw new Error(`createApplication: ${created.status} ${JSON.stringify(created.body)}`)
  await asAdmin(t, 'setApplicationRoles', { applicationId: created.body.id, roleIds: [role] })
  return { id: created.body.id as string, key: created.body.secret as string, application: created.body }
}
