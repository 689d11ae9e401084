import type { Migrations } from '@checkpost/db'
import { createUsers } from './0001-create-users.ts'

export const migrations: Migrations = {
  '0001-create-users': createUsers,
}
