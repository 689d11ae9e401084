import type { Migrations } from '@checkpost/db'
import { createChecks } from './0001-create-checks.ts'

export const migrations: Migrations = {
  '0001-create-checks': createChecks,
}
