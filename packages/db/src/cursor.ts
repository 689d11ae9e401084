import { DomainError, isSafeText } from '@checkpost/contract'

/**
 * Opaque keyset-paging cursors: the sort values (text columns) of the last row
 * of a page, base64url-encoded. A cursor that does not decode to exactly
 * `arity` strings, or holds text no column can (NUL, which Postgres refuses
 * with a 500, or unpaired surrogates), is the caller's error (400).
 * @example
 * const nextCursor = rows.length > limit ? encodeCursor([last.created_at, last.id]) : null
 * const [createdAt, id] = decodeCursor(input.cursor, 2)
 */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

/**
 * Decodes a cursor made by `encodeCursor` with `arity` values; throws
 * BAD_REQUEST `Invalid cursor` otherwise, with an issue at `path` (the input
 * field that held it, `cursor` unless told).
 */
export function decodeCursor(cursor: string, arity: number, path = 'cursor'): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' && isSafeText(v))) return values
  } catch {
    // fall through
  }
  throw new DomainError('BAD_REQUEST', 'Invalid cursor', { issues: [{ path, message: 'Invalid cursor' }] })
}
