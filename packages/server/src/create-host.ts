import type { AccessRule } from '@checkpost/contract'
import type { Database } from '@checkpost/db'
import { Hono, type Context } from 'hono'
import type { Authenticator } from './authenticator.ts'
import type { BackgroundTask } from './background-task.ts'
import { systemClock, type Clock } from './clock.ts'
import { createHostMiddleware } from './host-middleware.ts'
import { createInstanceGuard } from './instance-guard.ts'
import { resolveLimits, type HostLimits } from './host-limits.ts'
import { errorResponse, jsonResponse, withHeaders } from './http-responses.ts'
import { createLogger, type Logger } from './logger.ts'
import { mountPlugin, type PluginMount } from './plugin-mount.ts'
import { createPluginServices } from './plugin-services.ts'
import type { PluginDefinition, PluginDeps, ResourceTypeDefinition } from './plugin.ts'
import { bodySourceOf, isJsonContentType, readBodyText } from './read-body.ts'
import { resolveRequestId } from './request-id.ts'
import { toWireError, WireError, wireError } from './wire-error.ts'

export interface HostOptions {
  readonly database: Database
  readonly plugins: readonly PluginDefinition[]
  readonly logger?: Logger
  readonly clock?: Clock
  readonly limits?: Partial<HostLimits>
  /** Plugin settings, usually `process.env`. */
  readonly settings?: Readonly<Record<string, string | undefined>>
}

/** A built host: the Hono app plus the lifecycle of what runs beside it. */
export interface Host {
  readonly app: Hono
  readonly accessRules: readonly AccessRule[]
  /** Starts the plugins' background tasks. */
  start(): void
  /** Stops background tasks and flushes pending writes; the database stays open. */
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
  const deps: PluginDeps = {
    database: options.database,
    clock: options.clock ?? systemClock,
    logger,
    accessRules,
    resourceTypes,
    settings: options.settings ?? {},
  }
  const authenticator = pickAuthenticator(options.plugins, deps)
  const routers = new Map(options.plugins.map((plugin) => [plugin.id, plugin.router(deps)]))
  const services = createPluginServices(options.plugins, routers)
  const guard = createInstanceGuard(resourceTypes)
  const middleware = createHostMiddleware({ database: options.database, authenticator, services, guard })
  const known = { ruleIds: new Set(accessRules.map((rule) => rule.id)), resourceTypes }
  const mountOptions = { database: options.database, middleware, guard, known, maxBatchKeys: limits.maxBatchKeys }
  const mounts = new Map<string, PluginMount>(
    options.plugins.map((plugin) => [plugin.id, mountPlugin(plugin, routers.get(plugin.id)!, mountOptions)]),
  )
  const tasks: BackgroundTask[] = options.plugins.flatMap((plugin) => plugin.background?.(deps) ?? [])

  const app = new Hono()
  const routes = createRoutes({ mounts, authenticator, limits, logger, database: options.database })
  app.get('/api/health', routes.health)
  app.post('/api/:pluginId', routes.jsonEndpoint)
  app.post('/api/:pluginId/', routes.jsonEndpoint)
  app.post('/api/:pluginId/:procedure', routes.procedureEndpoint)
  app.notFound((c) => errorResponse(wireError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), requestIdOf(c)))
  app.onError((error, c) => errorResponse(toWireError(error, logger), requestIdOf(c)))

  return {
    app,
    accessRules,
    start: () => tasks.forEach((task) => task.start()),
    close: async () => {
      await Promise.all(tasks.map((task) => task.stop()))
      await authenticator.flush()
    },
  }
}

interface RouteDeps {
  readonly mounts: ReadonlyMap<string, PluginMount>
  readonly authenticator: Authenticator
  readonly limits: HostLimits
  readonly logger: Logger
  readonly database: Database
}

function createRoutes({ mounts, authenticator, limits, logger, database }: RouteDeps) {
  const HEALTH_TIMEOUT_MS = 2000

  async function health(c: Context) {
    const requestId = requestIdOf(c)
    try {
      await withTimeout(database.ping(), HEALTH_TIMEOUT_MS)
      return jsonResponse({ status: 'ok' }, requestId)
    } catch (error) {
      logger.warn('health check failed', { requestId, error })
      return jsonResponse({ code: 'SERVICE_UNAVAILABLE', message: 'Database unreachable' }, requestId, 503)
    }
  }

  async function jsonEndpoint(c: Context) {
    const requestId = requestIdOf(c)
    const requestLogger = logger.child({ requestId })
    try {
      const mount = findMount(mounts, c.req.param('pluginId'))
      const outcome = await authenticator.authenticate(c.req.header('authorization'))
      if (!outcome.ok) {
        const headers: Record<string, string> = {}
        if (outcome.retryAfterSeconds !== undefined) headers['retry-after'] = String(outcome.retryAfterSeconds)
        throw new WireError({ code: outcome.code, message: outcome.message }, headers)
      }
      if (!isJsonContentType(c.req.header('content-type'))) {
        throw wireError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
      }
      const body = parseJson(await readBodyText(bodySourceOf(c.req.raw, c.env), limits.maxBodyBytes))
      const results = await mount.jsonBatch(body, {
        db: database.db,
        requestId,
        logger: requestLogger,
        identity: outcome.identity,
        responseHeaders: new Headers(),
      })
      return jsonResponse(results, requestId)
    } catch (error) {
      return errorResponse(toWireError(error, requestLogger), requestId)
    }
  }

  async function procedureEndpoint(c: Context) {
    const requestId = requestIdOf(c)
    const requestLogger = logger.child({ requestId })
    try {
      const mount = findMount(mounts, c.req.param('pluginId'))
      const text = await readBodyText(bodySourceOf(c.req.raw, c.env), limits.maxBodyBytes)
      if (text !== '' && !isJsonContentType(c.req.header('content-type'))) {
        throw wireError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json')
      }
      const headers = new Headers(c.req.raw.headers)
      headers.delete('content-length')
      const request = new Request(c.req.url, { method: 'POST', headers, body: text === '' ? undefined : text })
      const responseHeaders = new Headers({ 'x-request-id': requestId })
      const { matched, response } = await mount.handler.handle(request, {
        prefix: mount.prefix,
        context: {
          db: database.db,
          requestId,
          logger: requestLogger,
          authorization: c.req.header('authorization'),
          responseHeaders,
        },
      })
      if (!matched) {
        const procedure = c.req.param('procedure')
        throw wireError('NOT_FOUND', `Unknown procedure "${procedure}" in plugin "${mount.pluginId}"`, { procedure })
      }
      return withHeaders(response, responseHeaders)
    } catch (error) {
      return errorResponse(toWireError(error, requestLogger), requestId)
    }
  }

  return { health, jsonEndpoint, procedureEndpoint }
}

function requestIdOf(c: Context): string {
  return resolveRequestId(c.req.header('x-request-id'))
}

function findMount(mounts: ReadonlyMap<string, PluginMount>, pluginId: string | undefined): PluginMount {
  const mount = pluginId === undefined ? undefined : mounts.get(pluginId)
  if (!mount) throw wireError('NOT_FOUND', `Unknown plugin "${pluginId}"`)
  return mount
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw wireError('BAD_REQUEST', 'Body is not valid JSON')
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function gatherAccessRules(plugins: readonly PluginDefinition[]): AccessRule[] {
  const seenPlugins = new Set<string>()
  const rules = new Map<string, AccessRule>()
  for (const plugin of plugins) {
    if (!/^[a-z][a-z0-9-]*$/.test(plugin.id)) throw new Error(`Invalid plugin id "${plugin.id}"`)
    if (seenPlugins.has(plugin.id)) throw new Error(`Plugin "${plugin.id}" is registered twice`)
    seenPlugins.add(plugin.id)
    for (const rule of plugin.accessRules) {
      if (rule.pluginId !== plugin.id) throw new Error(`Plugin "${plugin.id}" declares foreign rule ${rule.id}`)
      if (rules.has(rule.id)) throw new Error(`Access rule ${rule.id} is declared twice`)
      rules.set(rule.id, rule)
    }
  }
  return [...rules.values()]
}

function gatherResourceTypes(plugins: readonly PluginDefinition[]): Map<string, ResourceTypeDefinition> {
  const types = new Map<string, ResourceTypeDefinition>()
  for (const plugin of plugins) {
    for (const resource of plugin.resources ?? []) {
      if (!resource.type.startsWith(`${plugin.id}.`)) throw new Error(`Plugin "${plugin.id}" declares foreign resource type ${resource.type}`)
      if (types.has(resource.type)) throw new Error(`Resource type ${resource.type} is declared twice`)
      if (Boolean(resource.parentType) !== Boolean(resource.parentsOf)) {
        throw new Error(`Resource type ${resource.type} needs both parentType and parentsOf, or neither`)
      }
      types.set(resource.type, resource)
    }
  }
  for (const resource of types.values()) {
    if (resource.parentType && !types.has(resource.parentType)) {
      throw new Error(`Resource type ${resource.type} follows ${resource.parentType}, which no plugin declares`)
    }
  }
  return types
}

function pickAuthenticator(plugins: readonly PluginDefinition[], deps: PluginDeps): Authenticator {
  const providers = plugins.filter((plugin) => plugin.authenticator)
  if (providers.length !== 1) {
    throw new Error(`Exactly one plugin must provide an authenticator; found ${providers.length}`)
  }
  return providers[0]!.authenticator!(deps)
}
