import { randomUUID } from 'node:crypto'
import type { Group, System } from '@checkpost/catalog-contract'
import { DomainError } from '@checkpost/contract'
import type { Kysely } from 'kysely'
import {
  addGroupSystems,
  findGroup,
  insertGroup,
  removeGroupSystem,
  updateGroupRow,
} from './group-repository.ts'
import { existingSystemIds, findSystem, insertSystem, updateSystemRow, type SystemPatch } from './system-repository.ts'
import type { CatalogTables } from './tables.ts'

type Db = Kysely<CatalogTables>

export async function createSystem(
  db: Db,
  input: { name: string; description?: string; metadata?: Record<string, unknown> },
  at: string,
): Promise<System> {
  const id = randomUUID()
  await insertSystem(db, { id, name: input.name, description: input.description ?? null, metadata: input.metadata ?? {}, at })
  return (await findSystem(db, id))!
}

export async function updateSystem(db: Db, id: string, patch: SystemPatch & { at: string }): Promise<System | undefined> {
  if (!(await updateSystemRow(db, id, patch))) return undefined
  return findSystem(db, id)
}

/** Creates a group; every listed system must exist (404 names the first that does not). */
export async function createGroup(db: Db, input: { name: string; systemIds?: readonly string[] }, at: string): Promise<Group> {
  const systemIds = input.systemIds ?? []
  await assertSystemsExist(db, systemIds)
  const id = randomUUID()
  await insertGroup(db, { id, name: input.name, at })
  await addGroupSystems(db, id, systemIds)
  return (await findGroup(db, id))!
}

export async function updateGroup(db: Db, id: string, patch: { name?: string; at: string }): Promise<Group | undefined> {
  if (!(await updateGroupRow(db, id, patch))) return undefined
  return findGroup(db, id)
}

/** Adds (or, with `remove`, removes) one system to a group. Undefined if the group is unknown. */
export async function changeGroupMembership(
  db: Db,
  input: { groupId: string; systemId: string; remove: boolean },
  at: string,
): Promise<Group | undefined> {
  if (!(await findGroup(db, input.groupId))) return undefined
  if (input.remove) await removeGroupSystem(db, input.groupId, input.systemId)
  else {
    await assertSystemsExist(db, [input.systemId])
    await addGroupSystems(db, input.groupId, [input.systemId])
  }
  await updateGroupRow(db, input.groupId, { at })
  return findGroup(db, input.groupId)
}

async function assertSystemsExist(db: Db, ids: readonly string[]): Promise<void> {
  const existing = await existingSystemIds(db, ids)
  const missing = ids.find((id) => !existing.has(id))
  if (missing !== undefined) throw new DomainError('NOT_FOUND', `System ${missing} not found`)
}
