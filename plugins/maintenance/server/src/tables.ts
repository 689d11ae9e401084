/** The maintenance plugin's tables (timestamps ISO-8601 UTC text). */
export interface MaintenanceTables {
  maintenance_windows: {
    id: string
    title: string
    description: string | null
    starts_at: string
    /** The effective end: completeWindow moves it to the moment of completion. */
    ends_at: string
    cancelled_at: string | null
    completed_at: string | null
    created_at: string
    updated_at: string
  }
  maintenance_window_systems: { window_id: string; system_id: string }
}
