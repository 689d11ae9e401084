const UNIQUE_CODES = new Set([
  '23505', // Postgres unique_violation
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
])

const FOREIGN_KEY_CODES = new Set([
  '23503', // Postgres foreign_key_violation
  'SQLITE_CONSTRAINT_FOREIGNKEY',
])

function hasCode(error: unknown, codes: ReadonlySet<string>): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && codes.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/**
 * True when `error` (or one of its causes) is a unique-constraint violation on
 * either engine. A check-then-insert is not atomic under Postgres READ
 * COMMITTED: two processes can both find a name free, and the constraint then
 * refuses the second insert. That is a conflict (409), not a server fault.
 * @example if (isUniqueViolation(error)) return wireError('CONFLICT', '…')
 */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, UNIQUE_CODES)
}

/**
 * True for a foreign-key violation: a row referenced a parent that a
 * concurrent transaction deleted after it was checked (e.g. addSystemToGroup
 * racing deleteSystem). Also a conflict, not a server fault.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  return hasCode(error, FOREIGN_KEY_CODES)
}
