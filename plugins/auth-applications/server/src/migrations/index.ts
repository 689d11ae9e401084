import type { Migrations } from '@checkpost/db'
import { createApplications } from './0001-create-applications.ts'
import { createTeams } from './0002-create-teams.ts'
import { foldRoleAndTeamNames } from './0003-fold-role-and-team-names.ts'

export const migrations: Migrations = {
  '0001-create-applications': createApplications,
  '0002-create-teams': createTeams,
  '0003-fold-role-and-team-names': foldRoleAndTeamNames,
}
