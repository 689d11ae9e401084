import { proc } from '@checkpost/contract'
import { maintenanceAccess as access } from './access.ts'
import {
  getWindowsInput,
  scheduleWindowInput,
  updateWindowInput,
  windowIdInput,
  windowListSchema,
  windowSchema,
} from './schemas.ts'

const read = proc.meta({ access: [access.maintenance.read] })
const manage = proc.meta({ access: [access.maintenance.manage] })

/** Instance access (team grants): a window follows the catalog systems it affects. */
const WINDOW = 'maintenance.window'
const SYSTEM = 'catalog.system'
const byWindowId = { resourceType: WINDOW, inputIds: ['windowId'] }
/** A window names only the systems the caller can see. */
const bySystemIds = { resourceType: SYSTEM, inputIds: ['systemIds.*'], outputIds: ['systemIds'] }

/** The maintenance contract, mounted at `/api/maintenance/`. */
export const maintenanceContract = {
  getWindows: read
    .meta({
      instance: [
        { resourceType: WINDOW, outputLists: [{ path: 'windows', paged: true }] },
        // Filtering by a system the caller cannot see lists nothing, as for an absent id.
        { resourceType: SYSTEM, inputIds: ['systemId', 'systemIds.*'], outputIds: ['windows.*.systemIds'] },
      ],
    })
    .input(getWindowsInput)
    .output(windowListSchema),
  getWindow: read.meta({ instance: [byWindowId, bySystemIds] }).input(windowIdInput).output(windowSchema),
  scheduleWindow: manage.meta({ instance: [bySystemIds] }).input(scheduleWindowInput).output(windowSchema),
  updateWindow: manage.meta({ instance: [byWindowId, bySystemIds] }).input(updateWindowInput).output(windowSchema),
  cancelWindow: manage.meta({ instance: [byWindowId, bySystemIds] }).input(windowIdInput).output(windowSchema),
  completeWindow: manage.meta({ instance: [byWindowId, bySystemIds] }).input(windowIdInput).output(windowSchema),
}

export type MaintenanceContract = typeof maintenanceContract
