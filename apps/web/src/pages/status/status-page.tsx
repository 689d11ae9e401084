import { catalogAccess } from '@checkpost/catalog-contract'
import { healthcheckAccess } from '@checkpost/healthcheck-contract'
import { incidentAccess } from '@checkpost/incident-contract'
import { maintenanceAccess } from '@checkpost/maintenance-contract'
import { useCan } from '../../session/current-user.tsx'
import { OpenIncidents } from './open-incidents.tsx'
import { OngoingMaintenance } from './ongoing-maintenance.tsx'
import { STATUS_REFRESH_MS } from './status-refresh.ts'
import { SystemsHealth } from './systems-health.tsx'

/** Status: systems with their health, open incidents, maintenance in progress; refreshes itself. */
export function StatusPage() {
  const can = useCan()
  return (
    <>
      <h1>Status</h1>
      <p className="hint">Refreshes every {STATUS_REFRESH_MS / 1000} seconds.</p>
      {can(catalogAccess.catalog.read.id) && <SystemsHealth withHealth={can(healthcheckAccess.healthcheck.read.id)} />}
      {can(incidentAccess.incident.read.id) && <OpenIncidents />}
      {can(maintenanceAccess.maintenance.read.id) && <OngoingMaintenance />}
    </>
  )
}
