import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl, redactUrl } from './database-url.ts'

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:./data/checkpost.db', './data/checkpost.db'],
    ['sqlite:/var/lib/checkpost.db', '/var/lib/checkpost.db'],
    ['sqlite:///var/lib/checkpost.db', '/var/lib/checkpost.db'],
    ['./data/checkpost.db', './data/checkpost.db'],
    ['checkpost.db', 'checkpost.db'],
  ])('reads %s as the SQLite file %s', (url, path) => {
    expect(parseDatabaseUrl(url)).toEqual({ engine: 'sqlite', path })
  })

  it.each(['postgres://u:p@127.0.0.1:5432/db', 'postgresql://127.0.0.1/db'])('reads %s as Postgres', (url) => {
    expect(parseDatabaseUrl(url)).toEqual({ engine: 'postgres', url })
  })

  it.each([
    ['', 'Database URL is empty'],
    ['sqlite:', 'sqlite: URL needs a file path'],
    ['mysql://root@127.0.0.1/db', 'Unsupported database URL scheme'],
  ])('refuses %j with a one-line message', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message)
  })

  it('hides the password when a URL is logged', () => {
    expect(redactUrl('postgres://checkpost:s3cret@db:5432/x')).toBe('postgres://checkpost:***@db:5432/x')
  })
})
