/** Where the data lives: an embedded SQLite file or a Postgres server. */
export type DatabaseTarget =
  | { readonly engine: 'sqlite'; readonly path: string }
  | { readonly engine: 'postgres'; readonly url: string }

/** The default when CHECKPOST_DATABASE_URL is unset. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/checkpost.db'

/**
 * Parses CHECKPOST_DATABASE_URL: `sqlite:PATH`, a bare file path (same thing),
 * or `postgres://…` / `postgresql://…`. Throws a one-line message otherwise.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const value = url.trim()
  if (value === '') throw new Error('Database URL is empty')
  if (/^postgres(ql)?:\/\//i.test(value)) {
    try {
      new URL(value)
    } catch {
      throw new Error(`Invalid Postgres URL "${redactUrl(value)}"`)
    }
    return { engine: 'postgres', url: value }
  }
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')
    if (path === '') throw new Error('sqlite: URL needs a file path, e.g. sqlite:./data/checkpost.db')
    return { engine: 'sqlite', path }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new Error(`Unsupported database URL scheme in "${redactUrl(value)}" (use sqlite:PATH or postgres://…)`)
  }
  return { engine: 'sqlite', path: value }
}

/** Hides a password in a URL so it can be logged. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')
}
