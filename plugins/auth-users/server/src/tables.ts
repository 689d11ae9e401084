/** The plugin's tables, as Kysely sees them (timestamps are ISO text, booleans 0/1). */
export interface AuthUsersTables {
  auth_users_users: {
    id: string
    email: string
    name: string
    email_verified: number
    image: string | null
    disabled: number
    created_at: string
    updated_at: string
    last_sign_in_at: string | null
  }
  auth_users_accounts: {
    id: string
    account_id: string
    provider_id: string
    user_id: string
    password: string | null
    created_at: string
    updated_at: string
  }
  auth_users_sessions: {
    id: string
    token: string
    user_id: string
    expires_at: string
    created_at: string
    updated_at: string
  }
  auth_users_user_roles: { user_id: string; role_id: string }
  auth_users_api_keys: {
    id: string
    user_id: string
    name: string
    secret_hash: string
    created_at: string
    expires_at: string | null
    last_used_at: string | null
  }
  auth_users_state: { id: number; cookie_secret: string }
}
