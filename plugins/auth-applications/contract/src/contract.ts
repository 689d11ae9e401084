import { proc } from '@checkpost/contract'
import { z } from 'zod'
import { authApplicationsAccess as access } from './access.ts'
import {
  accessRuleSchema,
  applicationIdInput,
  applicationSchema,
  applicationWithSecretSchema,
  createApplicationInput,
  createRoleInput,
  deletedSchema,
  emptyListInput,
  roleIdInput,
  roleSchema,
  setApplicationRolesInput,
  updateApplicationInput,
  updateRoleInput,
} from './schemas.ts'

const readApps = proc.meta({ access: [access.applications.read] })
const manageApps = proc.meta({ access: [access.applications.manage] })
const readRoles = proc.meta({ access: [access.roles.read] })
const manageRoles = proc.meta({ access: [access.roles.manage] })

/** The auth-applications contract, mounted at `/api/auth-applications/`. */
export const authApplicationsContract = {
  getApplications: readApps.input(emptyListInput).output(z.object({ applications: z.array(applicationSchema) })),
  createApplication: manageApps.input(createApplicationInput).output(applicationWithSecretSchema),
  updateApplication: manageApps.input(updateApplicationInput).output(applicationSchema),
  regenerateApplicationSecret: manageApps.input(applicationIdInput).output(applicationWithSecretSchema),
  deleteApplication: manageApps.input(applicationIdInput).output(deletedSchema),
  setApplicationRoles: manageApps.input(setApplicationRolesInput).output(applicationSchema),
  getAccessRules: readRoles.input(emptyListInput).output(z.object({ accessRules: z.array(accessRuleSchema) })),
  getRoles: readRoles.input(emptyListInput).output(z.object({ roles: z.array(roleSchema) })),
  createRole: manageRoles.input(createRoleInput).output(roleSchema),
  updateRole: manageRoles.input(updateRoleInput).output(roleSchema),
  deleteRole: manageRoles.input(roleIdInput).output(deletedSchema),
}

export type AuthApplicationsContract = typeof authApplicationsContract
