import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import type pg from 'pg'
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.ts'
import { openPostgresReader, openSqliteReader, registerRootReader } from './root-reader.ts'
import { withStatementCache } from './sqlite-statement-cache.ts'

/** pg is loaded only when a Postgres URL is opened: a SQLite server starts ~0.1 s sooner without it (it is CommonJS, many files). */
const requireDriver = createRequire(import.meta.url)

/** Which engine a database runs on; plugins branch on it only through this kit. */
export type Engine = DatabaseTarget['engine']

/** An open database: the Kysely instance (typed by `TTables` for its reader), its engine, and how to close it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Database<TTables = any> {
  readonly db: Kysely<TTables>
  readonly engine: Engine
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>
  /** Connection pool figures (Postgres; SQLite has one connection and no pool). */
  poolStats?(): PoolStats
  close(): Promise<void>
}

/** A connection pool's figures at one instant. */
export interface PoolStats {
  /** Open connections, idle or busy. */
  readonly total: number
  readonly idle: number
  /** Queries waiting for a connection. */
  readonly waiting: number
  readonly max: number
}

export interface CreateDatabaseOptions {
  /** Postgres pool size (default 10). */
  readonly poolSize?: number
  /** Postgres schema to use (`search_path`): must exist; see `SCHEMA_NAME_PATTERN`. */
  readonly schema?: string
}

/** What a schema name may be: a plain lower-case Postgres identifier (no quoting needed). */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/

/** Throws a one-line message unless `schema` matches `SCHEMA_NAME_PATTERN`. */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME_PATTERN.test(schema)) {
    throw new Error(`Database schema must match ${SCHEMA_NAME_PATTERN.source}, got "${schema}"`)
  }
}

/**
 * Opens the database named by a CHECKPOST_DATABASE_URL value.
 * SQLite: creates the folder, WAL, foreign keys, busy timeout.
 * @example const database = createDatabase('sqlite:./data/checkpost.db')
 */
export function createDatabase(url: string, options: CreateDatabaseOptions = {}): Database {
  const target = parseDatabaseUrl(url)
  return target.engine === 'sqlite' ? openSqlite(target.path) : openPostgres(target.url, options)
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const handle = new BetterSqlite3(path)
  // First: switching a fresh file to WAL needs a lock another process starting at once may hold.
  handle.pragma('busy_timeout = 5000')
  handle.pragma('journal_mode = WAL')
  handle.pragma('synchronous = NORMAL')
  handle.pragma('foreign_keys = ON')
  const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) })
  const reader = path === ':memory:' ? undefined : openSqliteReader(path)
  if (reader) registerRootReader(db, reader)
  return {
    db,
    engine: 'sqlite',
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: async () => {
      reader?.close()
      await db.destroy()
    },
  }
}

function openPostgres(url: string, options: CreateDatabaseOptions): Database {
  if (options.schema !== undefined) assertSchemaName(options.schema)
  const { Pool } = requireDriver('pg') as typeof pg
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A request waits at most this long for a connection (pool exhausted, server gone), then fails.
    connectionTimeoutMillis: 10_000,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  })
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {})
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) })
  registerRootReader(db, openPostgresReader(pool))
  return {
    db,
    engine: 'postgres',
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max }),
    close: () => db.destroy(),
  }
}
