import type BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/**
 * Wraps a better-sqlite3 handle so that Kysely's driver reuses prepared
 * statements by SQL text instead of compiling the same SQL on every query.
 * Bounded: past `max` distinct statements, the oldest is forgotten.
 */
export function withStatementCache(database: BetterSqlite3.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>()
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql)
      if (statement === undefined) {
        statement = database.prepare(sql) as unknown as SqliteStatement
        if (cache.size >= max) cache.delete(cache.keys().next().value as string)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}
