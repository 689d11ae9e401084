import type { PluginDeps } from '@checkpost/server'

/** Users need a plugin lending roles and teams (auth-applications) mounted beside them. */
export function requireRbac(rbac: PluginDeps['rbac']): NonNullable<PluginDeps['rbac']> {
  if (!rbac) throw new Error('auth-users needs a plugin that lends roles and teams (auth-applications) mounted in the same host')
  return rbac
}
