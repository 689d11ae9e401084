import type { Migrations } from '@checkpost/db'
import { createApplications } from './0001-create-applications.ts'
import { createTeams } from './0002-create-teams.ts'

export const migrations: Migrations = {
  '0001-create-applications': createApplications,
  '0002-create-teams': createTeams,
}
