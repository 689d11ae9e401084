import { defineAccessRules, listAccessRules, optionalInput, proc } from '@checkpost/contract'
import { definePlugin, implementPlugin, type PluginContext } from '@checkpost/server'
import { z } from 'zod'

/** How many distinct read procedures the bench plugin has: a JSON batch needs distinct keys. */
export const BATCH_SIZE = 100
const access = defineAccessRules('bench', { bench: { read: 'Read the bench data' } })
const names = Array.from({ length: BATCH_SIZE }, (_, i) => `read${String(i).padStart(3, '0')}`)
const systemSchema = z.object({ id: z.string(), name: z.string() })

interface BenchTables {
  catalog_systems: { id: string; name: string }
}

const contract = Object.fromEntries(
  names.map((name) => [
    name,
    proc.meta({ access: [access.bench.read] }).input(optionalInput(z.object({}))).output(z.object({ systems: z.array(systemSchema) })),
  ]),
)

/**
 * A bench-only plugin with 100 read procedures, each the same small primary
 * read of the catalog's systems: the work a 100-key batch and 100 single calls share.
 */
export const batchBenchPlugin = definePlugin<BenchTables>({
  id: 'bench',
  contract,
  accessRules: listAccessRules(access),
  migrations: {},
  router: () => {
    const os = implementPlugin<BenchTables>()(contract)
    const read = async ({ context }: { context: PluginContext<BenchTables> }) => ({
      systems: await context.db.selectFrom('catalog_systems').select(['id', 'name']).orderBy('name').execute(),
    })
    return os.router(Object.fromEntries(names.map((name) => [name, os[name]!.handler(read)])))
  },
})

export const BATCH_PROCEDURES = names
