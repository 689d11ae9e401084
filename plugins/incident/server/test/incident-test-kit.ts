import { catalogPlugin } from '@checkpost/catalog-server'
import type { Engine } from '@checkpost/db'
import { createTestHost, type TestHost } from '@checkpost/testing'
import { expect } from 'vitest'
import { incidentPlugin } from '../src/index.ts'

export const READ = 'incident.incident.read'
export const MANAGE = 'incident.incident.manage'
export const UNKNOWN_ID = '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'

/** A host with catalog and incident mounted, on `engine`. */
export function startHost(engine: Engine): Promise<TestHost> {
  return createTestHost({ plugins: [catalogPlugin, incidentPlugin], engine })
}

/** Calls one incident procedure, expects 200 and returns its result. */
export async function incident(t: TestHost, key: string, body: Record<string, unknown>): Promise<any> {
  const response = await t.call('incident/', { key, body })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  const [name] = Object.keys(body)
  return response.body[name!]
}

/** Creates a catalog system and returns its id. */
export async function createSystem(t: TestHost, name: string): Promise<string> {
  const response = await t.call('catalog/', { key: t.adminKey, body: { createSystem: { name } } })
  expect(response.status).toBe(200)
  return response.body.createSystem.id as string
}
