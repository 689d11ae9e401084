import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import { rootReaderFor } from './root-reader.ts'

const SENTINEL = '\u0000checkpost-param:'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/** A query compiled once per SQL dialect, executed many times with new values. */
export interface PreparedQuery<P extends string, O> {
  execute(db: AnyDb, params: Readonly<Record<P, unknown>>): Promise<O[]>
}

interface Compiled {
  readonly query: CompiledQuery
  readonly slots: readonly string[]
  readonly isSelect: boolean
}

/**
 * Compiles a Kysely query once per dialect, for queries on the hot path:
 * Kysely otherwise rebuilds and recompiles the SQL on every call. On SQLite a
 * select run on the root database (not a transaction) reads through the
 * read-only connection, and on Postgres as a named prepared statement (see
 * `rootReaderFor`). Named parameters stand in for values and are substituted positionally.
 * @example
 * const byId = prepareQuery((db, p) => db.selectFrom('t').selectAll().where('id', '=', p('id')))
 * const rows = await byId.execute(db, { id })
 */
export function prepareQuery<P extends string, O>(
  build: (db: AnyDb, param: (name: P) => string) => Compilable<O>,
): PreparedQuery<P, O> {
  // Keyed by adapter class: a transaction shares its database's dialect.
  const byDialect = new Map<unknown, Compiled>()

  function compile(db: AnyDb): Compiled {
    const query = build(db, (name) => SENTINEL + name).compile()
    const slots = query.parameters.map((value) => {
      if (typeof value !== 'string' || !value.startsWith(SENTINEL)) {
        throw new Error('prepareQuery: every value must come from param(); write constants into the SQL')
      }
      return value.slice(SENTINEL.length)
    })
    return { query, slots, isSelect: query.query.kind === 'SelectQueryNode' }
  }

  return {
    async execute(db, params) {
      const dialect = db.getExecutor().adapter.constructor
      let compiled = byDialect.get(dialect)
      if (!compiled) {
        compiled = compile(db)
        byDialect.set(dialect, compiled)
      }
      const values = compiled.slots.map((name) => params[name as P])
      // Selects outside a transaction go to the root reader: SQLite's read-only
      // connection (synchronously), Postgres' named prepared statements.
      const reader = compiled.isSelect ? rootReaderFor(db) : undefined
      if (reader) return (await reader.all(compiled.query.sql, values)) as O[]
      const result = await db.executeQuery<O>({ ...compiled.query, parameters: values })
      return result.rows
    },
  }
}
