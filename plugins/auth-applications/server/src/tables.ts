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
    /** 1 when the secret ends in its checksum; 0 for keys issued before checksums. */
    key_checksummed: number
    expires_at: string | null
    previous_secret_hash: string | null
    previous_secret_expires_at: string | null
    rate_limit_requests: number | null
    rate_limit_window_seconds: number | null
    /** JSON array of addresses and CIDR ranges, or null for any. */
    allowed_ips: string | null
    last_used_ip: string | null
  }
  auth_applications_roles: {
    id: string
    name: string
    description: string | null
    built_in: number
  }
  auth_applications_role_rules: { role_id: string; rule_id: string }
  auth_applications_application_roles: { application_id: string; role_id: string }
  auth_applications_teams: { id: string; name: string; description: string | null; created_at: string; updated_at: string }
  auth_applications_team_members: { team_id: string; member_kind: string; member_id: string }
  /** A grant: read, or manage (which implies read), of one team on one resource instance. */
  auth_applications_resource_grants: { resource_type: string; resource_id: string; team_id: string; can_manage: number }
  auth_applications_resource_settings: { resource_type: string; resource_id: string; team_only: number }
  /** One row: a counter bumped by every change that affects who may do what. */
  auth_applications_state: { id: number; access_version: number }
}
