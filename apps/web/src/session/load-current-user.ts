import { clients } from '../api/clients.ts'
import type { CurrentUser } from './current-user.tsx'

/** The signed-in user with every access rule its roles hold (auth-users.getCurrentUser). */
export async function loadCurrentUser(): Promise<CurrentUser> {
  const user = await clients.authUsers.getCurrentUser({})
  return { id: user.id, email: user.email, name: user.name, accessRules: user.accessRules }
}
