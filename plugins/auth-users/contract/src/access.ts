import { defineAccessRules, listAccessRules } from '@checkpost/contract'

/** Access rules of the auth-users plugin (a user's own keys and password need none). */
export const authUsersAccess = defineAccessRules('auth-users', {
  users: {
    read: 'List users',
    manage: 'Create, update, disable and delete users and set their roles',
  },
})

export const authUsersAccessRules = listAccessRules(authUsersAccess)
