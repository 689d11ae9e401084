import type { Migrations } from '@checkpost/db'
import { createApplications } from './0001-create-applications.ts'
import { createTeams } from './0002-create-teams.ts'
import { keyLifecycle } from './0003-key-lifecycle.ts'

export const migrations: Migrations = {
  '0001-create-applications': createApplications,
  '0002-create-teams': createTeams,
  '0003-key-lifecycle': keyLifecycle,
}
