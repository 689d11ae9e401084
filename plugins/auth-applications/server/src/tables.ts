/** The plugin's tables, as Kysely sees them (timestamps are ISO text, booleans 0/1). */
export interface AuthApplicationsTables {
  auth_applications_applications: {
    id: string
    name: string
    description: string | null
    secret_hash: string
    created_at: string
    created_by: string | null
    last_used_at: string | null
  }
  auth_applications_roles: {
    id: string
    name: string
    description: string | null
    built_in: number
  }
  auth_applications_role_rules: { role_id: string; rule_id: string }
  auth_applications_application_roles: { application_id: string; role_id: string }
  /** One row: a counter bumped by every change that affects who may do what. */
  auth_applications_state: { id: number; access_version: number }
}
