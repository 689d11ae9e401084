import { catalogContract } from '@checkpost/catalog-contract'
import { implementPlugin, orNotFound, type PluginDeps } from '@checkpost/server'
import {
  changeGroupMembership,
  createGroup,
  createSystem,
  updateGroup,
  updateSystem,
} from './catalog-service.ts'
import { deleteGroupRow, listGroups } from './group-repository.ts'
import { deleteSystemRow, findSystem, listSystems } from './system-repository.ts'
import type { CatalogTables } from './tables.ts'


/** Implements the catalog contract. */
export function createCatalogRouter({ clock }: Pick<PluginDeps, 'clock'>) {
  const os = implementPlugin<CatalogTables>()(catalogContract)
  const now = () => clock.now().toISOString()

  return os.router({
    getSystems: os.getSystems.handler(({ context, input }) => listSystems(context.db, input)),
    getSystem: os.getSystem.handler(async ({ context, input }) =>
      orNotFound(await findSystem(context.db, input.systemId), 'System'),
    ),
    createSystem: os.createSystem.handler(({ context, input }) => createSystem(context.db, input, now())),
    updateSystem: os.updateSystem.handler(async ({ context, input }) => {
      const { systemId, ...patch } = input
      return orNotFound(await updateSystem(context.db, systemId, { ...patch, at: now() }), 'System')
    }),
    deleteSystem: os.deleteSystem.handler(async ({ context, input }) => {
      orNotFound(await deleteSystemRow(context.db, input.systemId), 'System')
      await context.resourceDeleted('catalog.system', input.systemId)
      return { success: true as const }
    }),
    getGroups: os.getGroups.handler(async ({ context }) => ({ groups: await listGroups(context.db) })),
    createGroup: os.createGroup.handler(({ context, input }) => createGroup(context.db, input, now())),
    updateGroup: os.updateGroup.handler(async ({ context, input }) => {
      const { groupId, ...patch } = input
      return orNotFound(await updateGroup(context.db, groupId, { ...patch, at: now() }), 'Group')
    }),
    deleteGroup: os.deleteGroup.handler(async ({ context, input }) => {
      orNotFound(await deleteGroupRow(context.db, input.groupId), 'Group')
      return { success: true as const }
    }),
    addSystemToGroup: os.addSystemToGroup.handler(async ({ context, input }) =>
      orNotFound(await changeGroupMembership(context.db, { ...input, remove: false }, now()), 'Group'),
    ),
    removeSystemFromGroup: os.removeSystemFromGroup.handler(async ({ context, input }) =>
      orNotFound(await changeGroupMembership(context.db, { ...input, remove: true }, now()), 'Group'),
    ),
  })
}
