/** The catalog's tables (timestamps ISO text, metadata JSON text). */
export interface CatalogTables {
  catalog_systems: {
    id: string
    name: string
    description: string | null
    metadata: string
    created_at: string
    updated_at: string
  }
  catalog_groups: { id: string; name: string; created_at: string; updated_at: string }
  catalog_group_systems: { group_id: string; system_id: string }
}
