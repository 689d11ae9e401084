import type { ProcedureMeta } from '@checkpost/contract'
import type { Engine } from '@checkpost/db'
import { createTestHost, inputJsonSchema, type FuzzPools, type JsonSchemaNode, type TestHost } from '@checkpost/testing'
import { isContractProcedure } from '@orpc/contract'
import { afterAll, beforeAll } from 'vitest'
import { plugins } from '../../src/plugins.ts'
import { seedResources } from './fuzz-seed.ts'
import type { FuzzTally } from './fuzz-settings.ts'

/** One procedure of a mounted plugin with the JSON Schema of its input. */
export interface FuzzProcedure {
  readonly pluginId: string
  readonly name: string
  readonly schema: JsonSchemaNode
  /** Ids of the rules it needs (none when public). */
  readonly rules: readonly string[]
  /** Needs a manage rule: it changes data. */
  readonly writes: boolean
}

/** Every procedure of every plugin the server mounts: a plugin added later is fuzzed without edits here. */
export const FUZZ_PROCEDURES: readonly FuzzProcedure[] = plugins.flatMap((plugin) =>
  Object.entries(plugin.contract)
    .filter(([, contract]) => isContractProcedure(contract))
    .map(([name, contract]) => {
      const meta = (contract as { '~orpc': { meta: ProcedureMeta } })['~orpc'].meta
      const rules = meta.public ? [] : (meta.access ?? []).map((rule) => rule.id)
      const writes = (meta.access ?? []).some((rule) => rule.level === 'manage')
      return { pluginId: plugin.id, name, schema: inputJsonSchema(contract as never), rules, writes }
    }),
)

const RESOURCE_TYPES = plugins.flatMap((plugin) => (plugin.resources ?? []).map((resource) => resource.type))

/** The real host with every mounted plugin, and fresh resources to aim at on demand. */
export interface FuzzHost {
  readonly t: TestHost
  /**
   * Creates a fresh set of resources of every kind and returns the pools
   * naming them. The acting keys' own applications are never in a pool: the
   * fuzzer must not delete or demote the key it calls with.
   */
  seed(): Promise<FuzzPools>
}

/** Builds the host with every plugin the server mounts, on a fresh `engine` database. */
export async function createFuzzHost(engine: Engine): Promise<FuzzHost> {
  // Loopback http checks are allowed so valid-shaped ones get stored; the scheduler never starts, so nothing is probed.
  const settings = { CHECKPOST_HEALTHCHECK_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128' }
  const t = await createTestHost({ engine, plugins: plugins.filter((plugin) => plugin.id !== 'auth-applications'), settings })
  let round = 0
  return { t, seed: () => seedResources(t, { round: ++round, resourceTypes: RESOURCE_TYPES }) }
}

/**
 * A fuzz host for the enclosing `describe`: built before its tests; after
 * them, the tally's closing line is printed and the host closed.
 */
export function useFuzzHost(engine: Engine, tally: FuzzTally): () => FuzzHost {
  let fuzz: FuzzHost | undefined
  beforeAll(async () => {
    fuzz = await createFuzzHost(engine)
  })
  afterAll(async () => {
    console.info(tally.summary())
    await fuzz?.t.close()
  })
  return () => {
    if (!fuzz) throw new Error('the fuzz host is not built yet')
    return fuzz
  }
}
