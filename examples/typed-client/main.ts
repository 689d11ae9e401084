// Run from the repository root, with the server up (`pnpm start`) and a key:
//   CHECKPOST_URL=http://localhost:3000 CHECKPOST_KEY=ck_… pnpm exec tsx examples/typed-client/main.ts
import { createBatchClient, createPluginClient } from '@checkpost/client'
import { catalogContract, type CatalogContract } from '@checkpost/catalog-contract'

const baseUrl = process.env.CHECKPOST_URL ?? 'http://localhost:3000'
const key = process.env.CHECKPOST_KEY
if (!key) throw new Error('Set CHECKPOST_KEY to an application key (ck_…), e.g. the admin key of the quick start')

// One procedure per call, typed from the catalog's contract package.
const catalog = createPluginClient(catalogContract, { baseUrl, pluginId: 'catalog', key })
const created = await catalog.createSystem({ name: `typed-client-${Date.now()}` })
const { systems } = await catalog.getSystems({})
process.stdout.write(`created ${created.name}; the catalog holds ${systems.length} system(s)\n`)

// Several procedures in one request (the JSON endpoint), typed the same way.
const batch = createBatchClient<{ catalog: CatalogContract }>({ baseUrl, key })
const { getSystems, getGroups } = await batch('catalog', { getSystems: {}, getGroups: {} })
process.stdout.write(`batch: ${getSystems.systems.length} system(s), ${getGroups.groups.length} group(s)\n`)
