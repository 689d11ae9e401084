/** The incident plugin's tables (timestamps ISO-8601 text). */
export interface IncidentTables {
  incident_incidents: {
    id: string
    title: string
    description: string | null
    impact: string
    status: string
    created_at: string
    updated_at: string
    resolved_at: string | null
  }
  incident_systems: { incident_id: string; system_id: string }
  incident_updates: {
    id: string
    incident_id: string
    /** 1, 2, 3… per incident: the timeline order, even when timestamps tie. */
    position: number
    status: string
    message: string
    author_kind: string
    author_id: string
    author_name: string
    created_at: string
  }
}
