import { randomUUID } from 'node:crypto'
import { catalogContract } from '@checkpost/catalog-contract'
import { DomainError } from '@checkpost/contract'
import type { MaintenanceWindow, ScheduleWindowInput, UpdateWindowInput, WindowState } from '@checkpost/maintenance-contract'
import type { PluginContext } from '@checkpost/server'
import type { Kysely } from 'kysely'
import type { MaintenanceTables } from './tables.ts'
import { findWindow, insertWindow, replaceWindowSystems, updateWindowRow } from './window-repository.ts'

type Db = Kysely<MaintenanceTables>

/** Every referenced system must exist in the catalog (its 404 otherwise). */
async function assertSystemsExist(context: PluginContext, systemIds: readonly string[]): Promise<void> {
  const catalog = context.peer('catalog', catalogContract)
  for (const systemId of new Set(systemIds)) await catalog.getSystem({ systemId })
}

/** Creates a window on existing catalog systems (their 404 otherwise). */
export async function scheduleWindow(context: PluginContext, input: ScheduleWindowInput, now: string): Promise<MaintenanceWindow> {
  await assertSystemsExist(context, input.systemIds)
  const id = randomUUID()
  await insertWindow(context.db, {
    id,
    title: input.title,
    description: input.description ?? null,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    cancelled_at: null,
    completed_at: null,
    created_at: now,
    updated_at: now,
  })
  await replaceWindowSystems(context.db, id, input.systemIds)
  return (await findWindow(context.db, id, now))!
}

/** Changes a window that has not ended; 409 once completed or cancelled. */
export async function updateWindow(context: PluginContext, input: UpdateWindowInput, now: string) {
  const db: Db = context.db
  const window = await findWindow(db, input.windowId, now)
  if (!window) return undefined
  assertState(window, ['scheduled', 'in_progress'], 'changed')
  const startsAt = input.startsAt ?? window.startsAt
  const endsAt = input.endsAt ?? window.endsAt
  if (endsAt <= startsAt) throw new DomainError('BAD_REQUEST', 'endsAt must be after startsAt')
  if (input.systemIds) {
    await assertSystemsExist(context, input.systemIds)
    await replaceWindowSystems(db, window.id, input.systemIds)
  }
  await updateWindowRow(db, window.id, {
    title: input.title,
    description: input.description,
    starts_at: startsAt,
    ends_at: endsAt,
    updated_at: now,
  })
  return findWindow(db, window.id, now)
}

/** Cancels a scheduled or running window. */
export async function cancelWindow(db: Db, windowId: string, now: string) {
  const window = await findWindow(db, windowId, now)
  if (!window) return undefined
  assertState(window, ['scheduled', 'in_progress'], 'cancelled')
  await updateWindowRow(db, windowId, { cancelled_at: now, updated_at: now })
  return findWindow(db, windowId, now)
}

/** Ends a running window now, ahead of its planned end. */
export async function completeWindow(db: Db, windowId: string, now: string) {
  const window = await findWindow(db, windowId, now)
  if (!window) return undefined
  assertState(window, ['in_progress'], 'completed')
  await updateWindowRow(db, windowId, { completed_at: now, ends_at: now, updated_at: now })
  return findWindow(db, windowId, now)
}

function assertState(window: MaintenanceWindow, allowed: readonly WindowState[], action: string): void {
  if (!allowed.includes(window.state)) {
    throw new DomainError('CONFLICT', `A ${window.state.replace('_', ' ')} window cannot be ${action}`)
  }
}
