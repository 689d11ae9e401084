import type { User } from '@checkpost/auth-users-contract'

/** The audit target naming a user (by email: names are not unique). */
export function userTarget(user: Pick<User, 'id' | 'email'>) {
  return { type: 'user', id: user.id, name: user.email }
}

/** The audit target naming a user's API key. */
export function userKeyTarget(key: { id: string; name: string }) {
  return { type: 'user_api_key', id: key.id, name: key.name }
}
