import type { AccessRule } from '@checkpost/contract'
import type { Database, Migrations } from '@checkpost/db'
import type { AnyContractRouter, ContractRouterClient } from '@orpc/contract'
import { implement, type Router } from '@orpc/server'
import type { Kysely } from 'kysely'
import type { AuditEvent, AuditSink } from './audit-sink.ts'
import type { Authenticator } from './authenticator.ts'
import type { BackgroundTask } from './background-task.ts'
import type { Clock } from './clock.ts'
import type { EscalationCheck } from './escalation-check.ts'
import type { Identity } from './identity.ts'
import type { HttpRoute } from './http-route.ts'
import type { Logger } from './logger.ts'
import type { MemberKind, RbacDirectory } from './rbac-directory.ts'

/**
 * What a procedure handler sees, made fresh per request. `TTables` is the
 * plugin's own tables (Kysely's `Database` interface); the host knows none.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface PluginContext<TTables = any> {
  /** The database, or the request's transaction when the call writes or batches. */
  readonly db: Kysely<TTables>
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
  /**
   * The shared escalation rules, bound to this caller: a procedure that hands out
   * roles, grants or memberships, or acts on an identity, calls these first.
   */
  readonly escalation: EscalationCheck
  /**
   * Appends one audit entry for a change this call made, in its transaction;
   * the host fills in id, time, actor, request id and source address.
   */
  readonly audit: (event: AuditEvent) => Promise<void>
}

/** A resource instance that was deleted. */
export interface ResourceDeletedEvent {
  readonly resourceType: string
  readonly resourceId: string
}

/** What a plugin's factories receive once, at startup. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface PluginDeps<TTables = any> {
  readonly database: Database<TTables>
  readonly clock: Clock
  readonly logger: Logger
  /** Every access rule the host knows, across all plugins. */
  readonly accessRules: readonly AccessRule[]
  /** Every resource type the plugins declare, by type. */
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeDefinition>
  /** Environment-style settings (strings), for plugin-specific options. */
  readonly settings: Readonly<Record<string, string | undefined>>
  /** Roles, teams and grants, when a plugin lends them (see `RbacDirectory`). */
  readonly rbac?: RbacDirectory
  /** Identity kinds other plugins own (users), by kind, for team membership. */
  readonly memberKinds: ReadonlyMap<string, MemberKind>
}

/**
 * A resource type a plugin owns, for team grants. A type with a parent (a
 * health check belongs to a system) takes its access from its parents.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ResourceTypeDefinition<TTables = any> {
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
  readonly parentsOf?: (db: Kysely<TTables>, ids: readonly string[]) => Promise<ReadonlyMap<string, readonly string[]>>
  /** Which of `ids` exist; a root type needs it to be granted to teams (absent ids answer 404). */
  readonly existingIds?: (db: Kysely<TTables>, ids: readonly string[]) => Promise<ReadonlySet<string>>
}

/** A plugin's router: its procedures see `PluginContext<TTables>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PluginRouter<TTables = any> = Router<any, PluginContext<TTables>>

/** One plugin, as the host knows it; `TTables` types its context's `db`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface PluginDefinition<TTables = any, TContract extends AnyContractRouter = AnyContractRouter> {
  /** Mount point `/api/{id}/` and rule prefix. */
  readonly id: string
  readonly contract: TContract
  readonly accessRules: readonly AccessRule[]
  readonly migrations: Migrations
  /** Builds the router implementing `contract`; called once at startup. */
  readonly router: (deps: PluginDeps<TTables>) => PluginRouter<TTables>
  /** A credential checker; the host asks every plugin's in plugin order (see `Authenticator`). */
  readonly authenticator?: (deps: PluginDeps<TTables>) => Authenticator
  /** Where every plugin's audit entries are stored; at most one plugin of a host provides it. */
  readonly auditSink?: (deps: PluginDeps<TTables>) => AuditSink
  /** Resource types this plugin owns, referenced by `instance` metadata. */
  readonly resources?: readonly ResourceTypeDefinition<TTables>[]
  /** Called in the deleting transaction when any plugin deletes a resource instance. */
  readonly onResourceDeleted?: (db: Kysely<TTables>, event: ResourceDeletedEvent) => Promise<void>
  /** Lends this plugin's roles, teams and grants to other identity kinds; one plugin at most. */
  readonly rbac?: (deps: Omit<PluginDeps<TTables>, 'rbac'>) => RbacDirectory
  /** An identity kind this plugin owns, which teams may hold as members. */
  readonly memberKind?: MemberKind
  /** Plain HTTP routes outside `/api/` (e.g. sign-in), mounted once at startup. */
  readonly routes?: (deps: PluginDeps<TTables>) => readonly HttpRoute[]
  /** Work run in the background while the host is up. */
  readonly background?: (deps: PluginDeps<TTables>) => readonly BackgroundTask[]
}

/**
 * Identity helper that types a plugin definition by its tables: its router,
 * hooks and resource types all see `Kysely<TTables>`.
 * @example export const catalogPlugin = definePlugin<CatalogTables>({ id: 'catalog', contract, accessRules, migrations, router })
 */
export function definePlugin<TTables, TContract extends AnyContractRouter = AnyContractRouter>(
  plugin: PluginDefinition<TTables, TContract>,
): PluginDefinition<TTables, TContract> {
  return plugin
}

/**
 * The oRPC implementer for a plugin contract, with Checkpost's context typed by
 * the plugin's tables (first the tables, then the contract: TypeScript cannot
 * infer one type argument and take the other).
 * @example const os = implementPlugin<CatalogTables>()(catalogContract); os.getSystems.handler(...)
 */
export function implementPlugin<TTables>() {
  return function implementContract<TContract extends AnyContractRouter>(contract: TContract) {
    return implement(contract).$context<PluginContext<TTables>>()
  }
}
