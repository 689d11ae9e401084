import type { Engine } from '@checkpost/db'
import { migrateToLatest } from '@checkpost/db'
import { createHost, createLogger, type Host, type HostLimits, type PluginDefinition } from '@checkpost/server'
import { resolveTestAuth, type TestAuth } from './test-auth.ts'
import { createTestClock, type TestClock } from './test-clock.ts'
import { createTestDatabase, type TestDatabase } from './test-database.ts'

export interface TestHostOptions {
  /** The authenticating plugins and key factory; defaults to the one set by `useTestAuth`. */
  readonly auth?: TestAuth
  /** Plugins besides `auth.plugins`, which are always mounted first. */
  readonly plugins?: readonly PluginDefinition[]
  readonly engine?: Engine
  readonly clock?: TestClock
  readonly limits?: Partial<HostLimits>
  readonly settings?: Readonly<Record<string, string | undefined>>
}

/** What `call` returns: status, parsed JSON body (or text) and headers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
export interface TestResponse<T = any> {
  readonly status: number
  readonly body: T
  readonly headers: Headers
}

export interface CallOptions {
  /** The full key (`ck_…`); sent as `Authorization: Bearer {key}`. */
  readonly key?: string
  readonly headers?: Record<string, string>
  /** Sent as-is when a string, else JSON-encoded. */
  readonly body?: unknown
}

/** A host on a fresh real database, reached through Hono's `app.request`. */
export interface TestHost extends AsyncDisposable {
  readonly host: Host
  readonly db: TestDatabase
  readonly clock: TestClock
  /** Every log line the host wrote, parsed. */
  readonly logs: string[]
  /** An identity holding every rule (the admin role). */
  readonly adminKey: string
  /** POSTs to `/api/{path}` with JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see TestResponse
  call<T = any>(path: string, options?: CallOptions): Promise<TestResponse<T>>
  /** Another host on the same database, plugins, clock and settings: a second process, in-process. */
  createSiblingHost(): Host
  /** A new identity holding exactly `rules`; returns its key and id. */
  createKey(rules: readonly string[], name?: string): Promise<{ key: string; id: string }>
  close(): Promise<void>
}

/**
 * Builds a real host (`auth.plugins` + `plugins`) on a fresh database,
 * migrated, with captured logs and a settable clock; keys come from `auth.identities`.
 * @example await using t = await createTestHost({ plugins: [catalogPlugin] })
 */
export async function createTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const auth = resolveTestAuth(options.auth)
  const db = await createTestDatabase(options.engine)
  const plugins = [...auth.plugins, ...(options.plugins ?? [])]
  const clock = options.clock ?? createTestClock()
  const logs: string[] = []
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) })
  await migrateToLatest(db.database.db, plugins)
  const hostOptions = { database: db.database, plugins, clock, limits: options.limits, settings: options.settings ?? {} }
  const host = createHost({ ...hostOptions, logger })
  const siblings: Host[] = []
  function createSiblingHost(): Host {
    const sibling = createHost({ ...hostOptions, logger: logger.child({ host: `sibling-${siblings.length + 1}` }) })
    siblings.push(sibling)
    return sibling
  }
  const knownRuleIds = new Set(host.accessRules.map((r) => r.id))
  let counter = 0

  async function createKey(rules: readonly string[], name = `test-app-${++counter}`) {
    return auth.identities.createKey(db.database, { name, rules, knownRuleIds, clock })
  }

  const admin = await auth.identities.createKey(db.database, { name: 'test-admin', rules: 'admin', knownRuleIds, clock })

  async function call(path: string, callOptions: CallOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...callOptions.headers }
    if (callOptions.key !== undefined) headers.authorization = `Bearer ${callOptions.key}`
    const body = typeof callOptions.body === 'string' ? callOptions.body : JSON.stringify(callOptions.body ?? {})
    const response = await host.app.request(`/api/${path}`, { method: 'POST', headers, body })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }

  let closed = false
  async function close() {
    if (closed) return
    closed = true
    await Promise.all(siblings.map((sibling) => sibling.close()))
    await host.close()
    await db.dispose()
  }

  return {
    host,
    db,
    clock,
    logs,
    adminKey: admin.key,
    call,
    createSiblingHost,
    createKey,
    close,
    [Symbol.asyncDispose]: close,
  }
}
