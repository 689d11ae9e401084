import type { AccessRule } from '@checkpost/contract'
import type { Database, Migrations } from '@checkpost/db'
import type { AnyContractRouter, ContractRouterClient } from '@orpc/contract'
import { implement, type AnyRouter } from '@orpc/server'
import type { Kysely } from 'kysely'
import type { Authenticator } from './authenticator.ts'
import type { BackgroundTask } from './background-task.ts'
import type { Clock } from './clock.ts'
import type { Identity } from './identity.ts'
import type { Logger } from './logger.ts'
import type { PluginMetrics } from './plugin-metrics.ts'

/** What a procedure handler sees, made fresh per request. */
export interface PluginContext {
  /** The database, or the request's transaction when the call writes or batches. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly db: Kysely<any>
  readonly identity: Identity
  readonly requestId: string
  readonly logger: Logger
  /**
   * Tells every plugin that a resource instance is gone (e.g. `catalog.system`),
   * inside the same transaction, so records hanging on it are removed with it.
   */
  readonly resourceDeleted: (resourceType: string, resourceId: string) => Promise<void>
  /**
   * An in-process client for another plugin, typed by its contract package:
   * same transaction and identity, and no access or instance check — the
   * calling procedure's own declarations are what guard the call.
   */
  readonly peer: <C extends AnyContractRouter>(pluginId: string, contract: C) => ContractRouterClient<C>
}

/** A resource instance that was deleted. */
export interface ResourceDeletedEvent {
  readonly resourceType: string
  readonly resourceId: string
}

/** What a plugin's factories receive once, at startup. */
export interface PluginDeps {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
  /** Every access rule the host knows, across all plugins. */
  readonly accessRules: readonly AccessRule[]
  /** Every resource type the plugins declare, by type. */
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>
  /** Environment-style settings (strings), for plugin-specific options. */
  readonly settings: Readonly<Record<string, string | undefined>>
  /** Where a plugin registers gauges for the metrics listener (absent: nowhere). */
  readonly metrics?: PluginMetrics
}

/**
 * A resource type a plugin owns, for team grants. A type with a parent (a
 * health check belongs to a system) takes its access from its parents.
 */
export interface ResourceTypeDefinition {
  /** `{pluginId}.{resource}`, e.g. `healthcheck.check`. */
  readonly type: string
  /**
   * How 404s name it, e.g. `System` → "System not found". Use the same word in
   * the router's `orNotFound`, so a hidden instance and an absent one answer alike.
   */
  readonly label: string
  /** The type whose grants apply, e.g. `catalog.system`; omit for a root type. */
  readonly parentType?: string
  /** Parent ids of each instance (unknown ids are simply absent from the map). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly parentsOf?: (db: Kysely<any>, ids: readonly string[]) => Promise<ReadonlyMap<string, readonly string[]>>
}

/** One plugin, as the host knows it. */
export interface PluginDefinition<TContract extends AnyContractRouter = AnyContractRouter> {
  /** Mount point `/api/{id}/` and rule prefix. */
  readonly id: string
  readonly contract: TContract
  readonly accessRules: readonly AccessRule[]
  readonly migrations: Migrations
  /** Builds the router implementing `contract`; called once at startup. */
  readonly router: (deps: PluginDeps) => AnyRouter
  /** A credential checker; the host asks every plugin's in plugin order (see `Authenticator`). */
  readonly authenticator?: (deps: PluginDeps) => Authenticator
  /** Resource types this plugin owns, referenced by `instance` metadata. */
  readonly resources?: readonly ResourceTypeDefinition[]
  /** Called in the deleting transaction when any plugin deletes a resource instance. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly onResourceDeleted?: (db: Kysely<any>, event: ResourceDeletedEvent) => Promise<void>
  /** Work run in the background while the host is up. */
  readonly background?: (deps: PluginDeps) => readonly BackgroundTask[]
}

/**
 * Identity helper that keeps a plugin definition's types.
 * @example export const catalogPlugin = definePlugin({ id: 'catalog', contract, accessRules, migrations, router })
 */
export function definePlugin<TContract extends AnyContractRouter>(
  plugin: PluginDefinition<TContract>,
): PluginDefinition<TContract> {
  return plugin
}

/**
 * The oRPC implementer for a plugin contract, with Checkpost's context.
 * @example const os = implementPlugin(catalogContract); os.getSystems.handler(...)
 */
export function implementPlugin<TContract extends AnyContractRouter>(contract: TContract) {
  return implement(contract).$context<PluginContext>()
}
