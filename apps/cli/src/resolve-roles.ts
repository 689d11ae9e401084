import { findRoleIdByName } from '@checkpost/auth-applications-server'
import type { Database } from '@checkpost/db'
import { CliError } from './cli-error.ts'

/** Roles may be given by id or by name; an unknown one is a CliError. */
export async function resolveRoles(db: Database['db'], roles: readonly string[]): Promise<string[]> {
  const ids: string[] = []
  for (const role of roles) {
    const id = (await findRoleIdByName(db, role)) ?? (await roleIdExists(db, role))
    if (id === undefined) throw new CliError(`Unknown role "${role}"`)
    ids.push(id)
  }
  return ids
}

async function roleIdExists(db: Database['db'], id: string): Promise<string | undefined> {
  const row = await db.selectFrom('auth_applications_roles').select('id').where('id', '=', id).executeTakeFirst()
  return row?.id as string | undefined
}
