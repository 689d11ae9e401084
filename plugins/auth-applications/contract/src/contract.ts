import { emptyInput, proc } from '@checkpost/contract'
import { z } from 'zod'
import { authApplicationsAccess as access } from './access.ts'
import { auditLogPageSchema, getAuditLogInput } from './audit-schemas.ts'
import {
  accessRuleSchema,
  applicationIdInput,
  applicationSchema,
  applicationWithSecretSchema,
  createApplicationInput,
  createRoleInput,
  deletedSchema,
  roleIdInput,
  roleSchema,
  setApplicationRolesInput,
  regenerateApplicationSecretInput,
  updateApplicationInput,
  updateRoleInput,
} from './schemas.ts'
import {
  createTeamInput,
  getTeamsInput,
  resourceAccessSettingsSchema,
  resourceRefInput,
  resourceTeamAccessSchema,
  resourceTeamRefInput,
  setResourceAccessSettingsInput,
  setResourceTeamAccessInput,
  teamIdInput,
  teamMemberInput,
  teamSchema,
  updateTeamInput,
} from './team-schemas.ts'

const readApps = proc.meta({ access: [access.applications.read] })
const manageApps = proc.meta({ access: [access.applications.manage] })
const readRoles = proc.meta({ access: [access.roles.read] })
const manageRoles = proc.meta({ access: [access.roles.manage] })
const readTeams = proc.meta({ access: [access.teams.read] })
const manageTeams = proc.meta({ access: [access.teams.manage] })

/** The auth-applications contract, mounted at `/api/auth-applications/`. */
export const authApplicationsContract = {
  getApplications: readApps.input(emptyInput).output(z.object({ applications: z.array(applicationSchema) })),
  createApplication: manageApps.input(createApplicationInput).output(applicationWithSecretSchema),
  updateApplication: manageApps.input(updateApplicationInput).output(applicationSchema),
  regenerateApplicationSecret: manageApps.input(regenerateApplicationSecretInput).output(applicationWithSecretSchema),
  revokePreviousSecret: manageApps.input(applicationIdInput).output(applicationSchema),
  deleteApplication: manageApps.input(applicationIdInput).output(deletedSchema),
  setApplicationRoles: manageApps.input(setApplicationRolesInput).output(applicationSchema),
  getAuditLog: proc.meta({ access: [access.audit.read] }).input(getAuditLogInput).output(auditLogPageSchema),
  getAccessRules: readRoles.input(emptyInput).output(z.object({ accessRules: z.array(accessRuleSchema) })),
  getRoles: readRoles.input(emptyInput).output(z.object({ roles: z.array(roleSchema) })),
  createRole: manageRoles.input(createRoleInput).output(roleSchema),
  updateRole: manageRoles.input(updateRoleInput).output(roleSchema),
  deleteRole: manageRoles.input(roleIdInput).output(deletedSchema),
  getTeams: readTeams.input(getTeamsInput).output(z.object({ teams: z.array(teamSchema) })),
  getTeam: readTeams.input(teamIdInput).output(teamSchema),
  createTeam: manageTeams.input(createTeamInput).output(teamSchema),
  updateTeam: manageTeams.input(updateTeamInput).output(teamSchema),
  deleteTeam: manageTeams.input(teamIdInput).output(deletedSchema),
  addTeamMember: manageTeams.input(teamMemberInput).output(teamSchema),
  removeTeamMember: manageTeams.input(teamMemberInput).output(teamSchema),
  getResourceTeamAccess: readTeams.input(resourceTeamRefInput).output(z.object({ access: z.array(resourceTeamAccessSchema) })),
  setResourceTeamAccess: manageTeams.input(setResourceTeamAccessInput).output(resourceTeamAccessSchema),
  removeResourceTeamAccess: manageTeams.input(resourceTeamRefInput).output(z.object({ removed: z.number() })),
  getResourceAccessSettings: readTeams.input(resourceRefInput).output(resourceAccessSettingsSchema),
  setResourceAccessSettings: manageTeams.input(setResourceAccessSettingsInput).output(resourceAccessSettingsSchema),
}

export type AuthApplicationsContract = typeof authApplicationsContract
