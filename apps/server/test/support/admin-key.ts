import { createApplication } from '@checkpost/auth-applications-server'
import { createDatabase, runInTransaction } from '@checkpost/db'
import { systemClock } from '@checkpost/server'

/** Mints an admin key straight in the (already migrated) database at `url`, as the CLI does. */
export async function createAdminKey(url: string): Promise<string> {
  const database = createDatabase(url)
  try {
    const admin = await runInTransaction(database, (db) =>
      createApplication(db, { name: 'admin', roleIds: ['admin'], createdBy: 'test' }, systemClock),
    )
    return admin.secret
  } finally {
    await database.close()
  }
}

/** POSTs JSON to the host at `url` with a key; resolves to the status. */
export async function postJson(url: string, options: { key: string; body: unknown }): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(options.body),
  })
  await response.arrayBuffer()
  return response.status
}
