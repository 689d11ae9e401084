import { catalogContract, type CatalogContract } from '@checkpost/catalog-contract'
import { CheckpostClientError, createBatchClient, createPluginClient } from '@checkpost/client'
import { ORPCError } from '@orpc/client'
import { describe, expect, it } from 'vitest'
import { startListeningServer } from './listening-server.ts'

describe('@checkpost/client against the running host', () => {
  it('calls procedures through a client typed from the catalog contract', async () => {
    await using s = await startListeningServer()
    const catalog = createPluginClient(catalogContract, { baseUrl: s.url, pluginId: 'catalog', key: s.adminKey })
    const created = await catalog.createSystem({ name: 'typed', metadata: { owner: 'sre' } })
    const { systems } = await catalog.getSystems({})
    expect(systems.map((system) => system.id)).toEqual([created.id])
    expect((await catalog.getSystem({ systemId: created.id })).metadata).toEqual({ owner: 'sre' })
  })

  it('surfaces a 404 as an ORPCError with the NOT_FOUND code', async () => {
    await using s = await startListeningServer()
    const catalog = createPluginClient(catalogContract, { baseUrl: s.url, pluginId: 'catalog', key: s.adminKey })
    const error = await catalog.getSystem({ systemId: '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ORPCError)
    expect((error as ORPCError<string, unknown>).code).toBe('NOT_FOUND')
  })

  it('surfaces a bad key as UNAUTHORIZED', async () => {
    await using s = await startListeningServer()
    const catalog = createPluginClient(catalogContract, { baseUrl: s.url, pluginId: 'catalog', key: 'ck_nope' })
    const error = await catalog.getSystems({}).catch((e: unknown) => e)
    expect((error as ORPCError<string, unknown>).code).toBe('UNAUTHORIZED')
  })

  it('batches calls to the JSON endpoint with typed results', async () => {
    await using s = await startListeningServer()
    const batch = createBatchClient<{ catalog: CatalogContract }>({ baseUrl: s.url, key: s.adminKey })
    const { createSystem } = await batch('catalog', { createSystem: { name: 'b' } })
    const { getSystems, getGroups } = await batch('catalog', { getSystems: {}, getGroups: {} })
    expect(getSystems.systems[0]!.id).toBe(createSystem.id)
    expect(getGroups.groups).toEqual([])
  })

  it('throws CheckpostClientError with code, procedure and request id for a failed batch', async () => {
    await using s = await startListeningServer()
    const batch = createBatchClient<{ catalog: CatalogContract }>({ baseUrl: s.url, key: s.adminKey })
    const error = await batch('catalog', { getSystem: { systemId: 'bad' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CheckpostClientError)
    expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST', procedure: 'getSystem' })
    expect((error as CheckpostClientError).requestId).toBeTruthy()
  })
})
