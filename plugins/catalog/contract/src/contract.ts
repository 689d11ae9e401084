import { proc } from '@checkpost/contract'
import { z } from 'zod'
import { catalogAccess as access } from './access.ts'
import {
  createGroupInput,
  createSystemInput,
  deletedSchema,
  emptyListInput,
  groupIdInput,
  groupMembershipInput,
  groupSchema,
  systemIdInput,
  systemSchema,
  updateGroupInput,
  updateSystemInput,
} from './schemas.ts'

const read = proc.meta({ access: [access.catalog.read] })
const manage = proc.meta({ access: [access.catalog.manage] })

/** The catalog contract, mounted at `/api/catalog/`. */
export const catalogContract = {
  getSystems: read.input(emptyListInput).output(z.object({ systems: z.array(systemSchema) })),
  getSystem: read.input(systemIdInput).output(systemSchema),
  createSystem: manage.input(createSystemInput).output(systemSchema),
  updateSystem: manage.input(updateSystemInput).output(systemSchema),
  deleteSystem: manage.input(systemIdInput).output(deletedSchema),
  getGroups: read.input(emptyListInput).output(z.object({ groups: z.array(groupSchema) })),
  createGroup: manage.input(createGroupInput).output(groupSchema),
  updateGroup: manage.input(updateGroupInput).output(groupSchema),
  deleteGroup: manage.input(groupIdInput).output(deletedSchema),
  addSystemToGroup: manage.input(groupMembershipInput).output(groupSchema),
  removeSystemFromGroup: manage.input(groupMembershipInput).output(groupSchema),
}

export type CatalogContract = typeof catalogContract
