import type { AccessRule } from '@checkpost/contract'
import type { Database } from '@checkpost/db'
import { Hono, type MiddlewareHandler } from 'hono'
import type { BackgroundTask } from './background-task.ts'
import { createClientAddressResolver } from './client-address.ts'
import { createSecureRequestCheck } from './request-scheme.ts'
import { systemClock, type Clock } from './clock.ts'
import { createEscalationGuard } from './escalation-guard.ts'
import { createHostMiddleware } from './host-middleware.ts'
import { resolveLimits, type HostLimits } from './host-limits.ts'
import { createHealthRoutes, unavailable, type HostState } from './health-routes.ts'
import { createRoutes, requestIdOf } from './host-routes.ts'
import { errorResponse } from './http-responses.ts'
import { createInstanceGuard } from './instance-guard.ts'
import { collectInstanceRules } from './instance-rules.ts'
import { createLogger, type Logger } from './logger.ts'
import { mountHttpRoutes } from './mount-http-routes.ts'
import { mountPlugin, type PluginMount } from './plugin-mount.ts'
import { gatherAccessRules, gatherMemberKinds, gatherResourceTypes, pickAuditSink, pickAuthenticator, pickRbacDirectory } from './plugin-registry.ts'
import { mountOpenApiRoutes } from './openapi/openapi-routes.ts'
import { createPluginServices } from './plugin-services.ts'
import type { PluginDefinition, PluginDeps } from './plugin.ts'
import { NO_METRICS, type PluginMetrics } from './plugin-metrics.ts'
import type { RequestObserver } from './request-observer.ts'
import { createRequestTracking } from './request-tracking.ts'
import { refuseExcessHeaderLines } from './header-line-limit.ts'
import { toWireError, wireError } from './wire-error.ts'

export interface HostOptions {
  readonly database: Database
  readonly plugins: readonly PluginDefinition[]
  readonly logger?: Logger
  readonly clock?: Clock
  readonly limits?: Partial<HostLimits>
  /** Plugin settings, usually `process.env`. */
  readonly settings?: Readonly<Record<string, string | undefined>>
  /** Serve `GET /api/openapi.json` and `GET /api/docs` (default true). */
  readonly openapi?: boolean
  /** Told of every finished request (metrics). */
  readonly observer?: RequestObserver
  /** Where plugins register gauges (default: nowhere). */
  readonly metrics?: PluginMetrics
  /**
   * True when the caller listens before migrating: plugin routes answer 503 and
   * `/api/ready` fails until `start()`. Default false (the database is ready).
   */
  readonly startsUnready?: boolean
}

/** A built host: the Hono app plus the lifecycle of what runs beside it. */
export interface Host {
  readonly app: Hono
  readonly accessRules: readonly AccessRule[]
  /** Starting (migrations), ready, or stopping. */
  state(): HostState
  /** Marks the host ready and starts the plugins' background tasks. */
  start(): void
  /** Marks it stopping, stops background tasks and flushes pending writes; the database stays open. */
  close(): Promise<void>
}

/**
 * Builds the host once: validates every plugin, gathers access rules, builds
 * routers and handlers, and mounts them under `/api/{pluginId}/`.
 * @example const host = createHost({ database, plugins: [authApplicationsPlugin, catalogPlugin] })
 */
export function createHost(options: HostOptions): Host {
  const logger = options.logger ?? createLogger()
  const limits = resolveLimits(options.limits)
  const accessRules = gatherAccessRules(options.plugins)
  const resourceTypes = gatherResourceTypes(options.plugins)
  const baseDeps = {
    database: options.database,
    clock: options.clock ?? systemClock,
    logger,
    accessRules,
    resourceTypes,
    settings: options.settings ?? {},
    memberKinds: gatherMemberKinds(options.plugins),
    metrics: options.metrics ?? NO_METRICS,
  }
  const deps: PluginDeps = { ...baseDeps, rbac: pickRbacDirectory(options.plugins, baseDeps) }
  const clientAddressOf = createClientAddressResolver(deps.settings.CHECKPOST_TRUSTED_PROXIES)
  const isSecureRequest = createSecureRequestCheck(deps.settings.CHECKPOST_TRUSTED_PROXIES)
  const authenticator = pickAuthenticator(options.plugins, deps)
  const routers = new Map(options.plugins.map((plugin) => [plugin.id, plugin.router(deps)]))
  const instanceRules = collectInstanceRules(options.plugins, resourceTypes)
  const escalation = createEscalationGuard({ accessRules, resourceTypes, instanceRules })
  const auditSink = pickAuditSink(options.plugins, deps)
  const services = createPluginServices({ plugins: options.plugins, routers, escalation, auditSink, clock: deps.clock })
  const guard = createInstanceGuard(resourceTypes)
  const middleware = createHostMiddleware({ database: options.database, services, guard })
  const known = { ruleIds: new Set(accessRules.map((rule) => rule.id)), resourceTypes }
  const mountOptions = { database: options.database, middleware, guard, known, maxBatchKeys: limits.maxBatchKeys }
  const mounts = new Map<string, PluginMount>(
    options.plugins.map((plugin) => [plugin.id, mountPlugin(plugin, routers.get(plugin.id)!, mountOptions)]),
  )
  const tasks: BackgroundTask[] = options.plugins.flatMap((plugin) => plugin.background?.(deps) ?? [])

  let state: HostState = options.startsUnready ? 'starting' : 'ready'
  const app = new Hono()
  const routes = createRoutes({ mounts, authenticator, limits, logger, database: options.database, clientAddressOf, isSecureRequest })
  const healthRoutes = createHealthRoutes({ database: options.database, logger, state: () => state })
  app.use(createRequestTracking({ logger, observer: options.observer }))
  app.use(refuseExcessHeaderLines)
  app.get('/api/health', healthRoutes.health)
  app.get('/api/ready', healthRoutes.ready)
  // The document needs no database: served while migrations run too.
  if (options.openapi ?? true) mountOpenApiRoutes(app, { plugins: options.plugins, maxBatchKeys: limits.maxBatchKeys, logger })
  const refuseUntilReady: MiddlewareHandler = async (c, next) => {
    if (state === 'starting') return unavailable('Starting: migrations are running', requestIdOf(c))
    await next()
  }
  const pluginRoutes = options.plugins.flatMap((plugin) => plugin.routes?.(deps) ?? [])
  app.use('/api/:pluginId/*', refuseUntilReady)
  // Plugin routes (sign-in and the like) need migrated tables too: without this they wait on the lock.
  for (const path of new Set(pluginRoutes.map((route) => route.path))) app.use(path, refuseUntilReady)
  app.post('/api/:pluginId', routes.jsonEndpoint)
  app.post('/api/:pluginId/', routes.jsonEndpoint)
  app.post('/api/:pluginId/:procedure', routes.procedureEndpoint)
  mountHttpRoutes(app, pluginRoutes, { clientAddressOf, isSecureRequest })
  app.notFound((c) => {
    const hint = c.req.method !== 'POST' && c.req.path.startsWith('/api/') ? ' (procedures are called with POST)' : ''
    return errorResponse(wireError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}${hint}`), requestIdOf(c))
  })
  app.onError((error, c) => errorResponse(toWireError(error, logger), requestIdOf(c)))

  return {
    app,
    accessRules,
    state: () => state,
    start: () => {
      state = 'ready'
      tasks.forEach((task) => task.start())
    },
    close: async () => {
      state = 'stopping'
      await Promise.all(tasks.map((task) => task.stop()))
      await authenticator.flush()
    },
  }
}
