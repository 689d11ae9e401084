import type { Migrations } from '@checkpost/db'
import { createApplications } from './0001-create-applications.ts'

export const migrations: Migrations = {
  '0001-create-applications': createApplications,
}
