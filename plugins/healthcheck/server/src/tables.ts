/** The healthcheck plugin's tables (timestamps ISO-8601 UTC text, booleans 0/1). */
export interface HealthcheckTables {
  healthcheck_checks: {
    id: string
    system_id: string
    name: string
    kind: string
    interval_seconds: number
    enabled: number
    http_url: string | null
    http_expected_status: number | null
    http_timeout_ms: number | null
    created_at: string
    updated_at: string
    /** Scheduler bookkeeping: when the next probe is due, and who holds the current one. */
    next_run_at: string | null
    lease_owner: string | null
    lease_expires_at: string | null
  }
  healthcheck_results: {
    id: string
    check_id: string
    status: string
    latency_ms: number | null
    message: string | null
    observed_at: string
  }
  /** Result counts per check and UTC hour ('YYYY-MM-DDTHH'), kept with every insert; `up` = not unhealthy. */
  healthcheck_uptime_hours: {
    check_id: string
    hour: string
    total: number
    up: number
  }
}
