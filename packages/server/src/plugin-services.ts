import type { AnyContractRouter, ContractRouterClient } from '@orpc/contract'
import { createRouterClient, type AnyRouter } from '@orpc/server'
import type { Kysely } from 'kysely'
import { toAuditEntry, type AuditEvent, type AuditSink } from './audit-sink.ts'
import type { Clock } from './clock.ts'
import type { EscalationGuard } from './escalation-guard.ts'
import type { HostContext } from './host-context.ts'
import type { Identity } from './identity.ts'
import type { PluginContext, PluginDefinition, ResourceDeletedEvent } from './plugin.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ResourceDeletedHook = (db: Kysely<any>, event: ResourceDeletedEvent) => Promise<void>

export interface PluginServicesOptions {
  readonly plugins: readonly PluginDefinition[]
  readonly routers: ReadonlyMap<string, AnyRouter>
  readonly escalation: EscalationGuard
  readonly auditSink: AuditSink
  readonly clock: Clock
}

/**
 * Builds, once, what the host adds to each call's context: the resource-deleted
 * broadcast, in-process peer clients, the escalation rules and the audit log.
 * Per call only small closures are made.
 */
export function createPluginServices({ plugins, routers, escalation, auditSink, clock }: PluginServicesOptions) {
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
      async audit(event: AuditEvent) {
        const actor = { kind: identity.kind, id: identity.id, name: identity.name }
        const where = { actor, at: clock.now(), requestId: base.requestId, sourceIp: base.sourceIp ?? null }
        await auditSink.write(db, toAuditEntry(event, where))
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
