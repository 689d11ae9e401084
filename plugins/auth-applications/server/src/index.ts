export { authApplicationsPlugin } from './plugin.ts'
export { createApplicationAuthenticator, type ApplicationAuthenticatorOptions } from './application-authenticator.ts'
export {
  createApplication,
  regenerateApplicationSecret,
  revokePreviousSecret,
  deleteApplication,
  setApplicationRoles,
  updateApplication,
} from './application-service.ts'
export { createRole, updateRole } from './role-service.ts'
export { listApplications, findApplication } from './application-repository.ts'
export { listRoles, findRoleIdByName } from './role-repository.ts'
export { newApplicationKey, parsePresentedKey } from './application-secret.ts'
export { readKeyExpiryPolicy, type KeyExpiryPolicy } from './key-expiry-policy.ts'
export { insertAuditEntry, listAuditEntries } from './audit-repository.ts'
export { purgeOldAuditEntries } from './audit-retention.ts'
export { createRbacDirectory } from './rbac-directory.ts'
