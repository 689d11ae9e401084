import { DEFAULT_DATABASE_URL, SCHEMA_NAME_PATTERN, parseDatabaseUrl } from '@checkpost/db'
import { intSetting, type HostLimits, type LogLevel } from '@checkpost/server'
import { DEFAULT_CONSOLE_DIR } from './console-site.ts'

/** Everything the server reads from its environment. */
export interface ServerConfig {
  readonly hostname: string
  readonly port: number
  readonly databaseUrl: string
  /** Postgres schema (CHECKPOST_DATABASE_SCHEMA); unset = the server's default search path. */
  readonly databaseSchema?: string
  /** Postgres connections per process (CHECKPOST_DATABASE_POOL_SIZE). */
  readonly poolSize: number
  readonly logLevel: LogLevel
  readonly limits: HostLimits
  /** The built web console served at `/` (CHECKPOST_CONSOLE_DIR); null = off (`off`). */
  readonly consoleDir: string | null
  /** Serve the OpenAPI document and /api/docs (CHECKPOST_OPENAPI, `on` or `off`). */
  readonly openapi: boolean
  /** The Prometheus listener (CHECKPOST_METRICS_PORT / _HOST); unset = no metrics. */
  readonly metrics?: { readonly hostname: string; readonly port: number }
}

type Env = Readonly<Record<string, string | undefined>>

/** Where the data lives, as the server and the CLI both read it. */
export type DatabaseConfig = Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'poolSize'>

/** Reads and validates the database settings of the environment. */
export function readDatabaseConfig(env: Env): DatabaseConfig {
  const databaseUrl = env.CHECKPOST_DATABASE_URL || DEFAULT_DATABASE_URL
  return {
    databaseUrl,
    databaseSchema: databaseSchema(env.CHECKPOST_DATABASE_SCHEMA, databaseUrl),
    poolSize: intSetting(env, 'CHECKPOST_DATABASE_POOL_SIZE', { fallback: 10, min: 1, max: 1000 }),
  }
}

/** Reads and validates the environment; throws a one-line message for bad values. */
export function readConfig(env: Env): ServerConfig {
  return {
    hostname: env.HOST || '0.0.0.0',
    port: intSetting(env, 'PORT', { fallback: 3000, min: 0, max: 65535 }),
    ...readDatabaseConfig(env),
    logLevel: logLevel(env.CHECKPOST_LOG_LEVEL),
    limits: {
      maxBodyBytes: intSetting(env, 'CHECKPOST_MAX_BODY_BYTES', { fallback: 1024 * 1024, min: 1, max: 1024 ** 3 }),
      maxBatchKeys: intSetting(env, 'CHECKPOST_MAX_BATCH_KEYS', { fallback: 100, min: 1, max: 10_000 }),
      maxJsonDepth: intSetting(env, 'CHECKPOST_MAX_JSON_DEPTH', { fallback: 64, min: 2, max: 1000 }),
    },
    consoleDir: env.CHECKPOST_CONSOLE_DIR === 'off' ? null : env.CHECKPOST_CONSOLE_DIR || DEFAULT_CONSOLE_DIR,
    openapi: onOff(env, 'CHECKPOST_OPENAPI', true),
    metrics: metricsAddress(env),
  }
}

function metricsAddress(env: Env): ServerConfig['metrics'] {
  if (env.CHECKPOST_METRICS_PORT === undefined || env.CHECKPOST_METRICS_PORT === '') return undefined
  const port = intSetting(env, 'CHECKPOST_METRICS_PORT', { fallback: 0, min: 0, max: 65535 })
  return { hostname: env.CHECKPOST_METRICS_HOST || '127.0.0.1', port }
}

function databaseSchema(raw: string | undefined, databaseUrl: string): string | undefined {
  if (raw === undefined || raw === '') return undefined
  if (!SCHEMA_NAME_PATTERN.test(raw)) {
    throw new Error(`CHECKPOST_DATABASE_SCHEMA must match ${SCHEMA_NAME_PATTERN.source}, got "${raw}"`)
  }
  if (parseDatabaseUrl(databaseUrl).engine !== 'postgres') {
    throw new Error('CHECKPOST_DATABASE_SCHEMA applies to Postgres only; CHECKPOST_DATABASE_URL names a SQLite file')
  }
  return raw
}

function logLevel(raw: string | undefined): LogLevel {
  const value = raw || 'info'
  if (value === 'debug' || value === 'info' || value === 'warn' || value === 'error') return value
  throw new Error(`CHECKPOST_LOG_LEVEL must be debug, info, warn or error, got "${raw}"`)
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (raw === 'on' || raw === 'off') return raw === 'on'
  throw new Error(`${name} must be on or off, got "${raw}"`)
}
