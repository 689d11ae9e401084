import { maintenanceContract } from '@checkpost/maintenance-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import { cancelWindow, completeWindow, scheduleWindow, updateWindow } from './maintenance-service.ts'
import { findWindow, listWindows } from './window-repository.ts'
import type { MaintenanceTables } from './tables.ts'

const WINDOW = 'Maintenance window'

/** Implements the maintenance contract. */
export function createMaintenanceRouter({ clock }: Pick<PluginDeps, 'clock'>) {
  const os = implementPlugin<MaintenanceTables>()(maintenanceContract)
  const now = () => clock.now().toISOString()

  return os.router({
    getWindows: os.getWindows.handler(({ context, input }) => listWindows(context.db, input, now())),
    getWindow: os.getWindow.handler(async ({ context, input }) => orNotFound(await findWindow(context.db, input.windowId, now()), WINDOW)),
    scheduleWindow: os.scheduleWindow.handler(({ context, input }) => scheduleWindow(context, input, now())),
    updateWindow: os.updateWindow.handler(async ({ context, input }) => orNotFound(await updateWindow(context, input, now()), WINDOW)),
    cancelWindow: os.cancelWindow.handler(async ({ context, input }) =>
      orNotFound(await cancelWindow(context.db, input.windowId, now()), WINDOW),
    ),
    completeWindow: os.completeWindow.handler(async ({ context, input }) =>
      orNotFound(await completeWindow(context.db, input.windowId, now()), WINDOW),
    ),
  })
}
