import type { Migrations } from '@checkpost/db'
import { createApplications } from './0001-create-applications.ts'
import { createTeams } from './0002-create-teams.ts'
import { createAuditLog } from './0003-create-audit-log.ts'
import { keyLifecycle } from './0004-key-lifecycle.ts'
import { foldRoleAndTeamNames } from './0005-fold-role-and-team-names.ts'

export const migrations: Migrations = {
  '0001-create-applications': createApplications,
  '0002-create-teams': createTeams,
  '0003-create-audit-log': createAuditLog,
  '0004-key-lifecycle': keyLifecycle,
  '0005-fold-role-and-team-names': foldRoleAndTeamNames,
}
