import type { AnyContractRouter, ContractRouterClient } from '@orpc/contract'
import { createRouterClient, type AnyRouter } from '@orpc/server'
import type { Kysely } from 'kysely'
import type { EscalationGuard } from './escalation-guard.ts'
import type { HostContext } from './host-context.ts'
import type { Identity } from './identity.ts'
import type { PluginContext, PluginDefinition, ResourceDeletedEvent } from './plugin.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ResourceDeletedHook = (db: Kysely<any>, event: ResourceDeletedEvent) => Promise<void>

/**
 * Builds, once, what the host adds to each call's context: the resource-deleted
 * broadcast and in-process peer clients. Per call only two small closures are made.
 */
export function createPluginServices(
  plugins: readonly PluginDefinition[],
  routers: ReadonlyMap<string, AnyRouter>,
  escalation: EscalationGuard,
) {
  const hooks: ResourceDeletedHook[] = plugins.flatMap((plugin) => (plugin.onResourceDeleted ? [plugin.onResourceDeleted] : []))

  return function servicesFor(base: HostContext, identity: Identity, db: HostContext['db']) {
    const context: PluginContext = {
      db,
      identity,
      requestId: base.requestId,
      logger: base.logger,
      // Built on first use: most calls never hand anything out.
      get escalation() {
        return escalation(identity, db)
      },
      async resourceDeleted(resourceType, resourceId) {
        for (const hook of hooks) await hook(db, { resourceType, resourceId })
      },
      peer<C extends AnyContractRouter>(pluginId: string, contract: C): ContractRouterClient<C> {
        void contract
        const router = routers.get(pluginId)
        if (!router) throw new Error(`No plugin "${pluginId}" is mounted`)
        return createRouterClient(router, { context }) as unknown as ContractRouterClient<C>
      },
    }
    return context
  }
}

export type PluginServices = ReturnType<typeof createPluginServices>
