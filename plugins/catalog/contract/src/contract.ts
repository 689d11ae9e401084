import { emptyInput, proc } from '@checkpost/contract'
import { z } from 'zod'
import { catalogAccess as access } from './access.ts'
import {
  createGroupInput,
  createSystemInput,
  deletedSchema,
  getSystemsInput,
  groupIdInput,
  groupMembershipInput,
  groupSchema,
  systemIdInput,
  systemListSchema,
  systemSchema,
  updateGroupInput,
  updateSystemInput,
} from './schemas.ts'

const read = proc.meta({ access: [access.catalog.read] })
const manage = proc.meta({ access: [access.catalog.manage] })

/** Instance access on systems (team grants): by input id, or by filtering a listed array. */
const SYSTEM = 'catalog.system'
const bySystemId = { instance: [{ resourceType: SYSTEM, inputIds: ['systemId'] }] }
/** A group names only the member systems the caller can see. */
const itsMembers = { resourceType: SYSTEM, outputIds: ['systemIds'] }
const bySystemIdInGroup = { instance: [{ resourceType: SYSTEM, inputIds: ['systemId'], outputIds: ['systemIds'] }] }

/** The catalog contract, mounted at `/api/catalog/`. */
export const catalogContract = {
  /** Systems by name, a page at a time (`{}`: the first 500); hidden systems are filtered before paging. */
  getSystems: read
    .meta({ instance: [{ resourceType: SYSTEM, outputLists: [{ path: 'systems', paged: true }] }] })
    .input(getSystemsInput)
    .output(systemListSchema),
  getSystem: read.meta(bySystemId).input(systemIdInput).output(systemSchema),
  createSystem: manage.input(createSystemInput).output(systemSchema),
  updateSystem: manage.meta(bySystemId).input(updateSystemInput).output(systemSchema),
  deleteSystem: manage.meta(bySystemId).input(systemIdInput).output(deletedSchema),
  getGroups: read.meta({ instance: [{ resourceType: SYSTEM, outputIds: ['groups.*.systemIds'] }] }).input(emptyInput).output(z.object({ groups: z.array(groupSchema) })),
  createGroup: manage.meta({ instance: [{ resourceType: SYSTEM, inputIds: ['systemIds.*'], outputIds: ['systemIds'] }] }).input(createGroupInput).output(groupSchema),
  updateGroup: manage.meta({ instance: [itsMembers] }).input(updateGroupInput).output(groupSchema),
  deleteGroup: manage.input(groupIdInput).output(deletedSchema),
  addSystemToGroup: manage.meta(bySystemIdInGroup).input(groupMembershipInput).output(groupSchema),
  removeSystemFromGroup: manage.meta(bySystemIdInGroup).input(groupMembershipInput).output(groupSchema),
}

export type CatalogContract = typeof catalogContract
