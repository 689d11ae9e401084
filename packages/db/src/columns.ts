/**
 * Storage conventions shared by every plugin, identical on SQLite and Postgres:
 * timestamps are ISO-8601 UTC text (sortable, exact), booleans are integers 0/1,
 * JSON is text. Converting in one place keeps repositories engine-agnostic.
 */

/** A Date as stored: ISO-8601 UTC with milliseconds. */
export function toDbTime(date: Date): string {
  return date.toISOString()
}

/** A boolean as stored. */
export function toDbBool(value: boolean): number {
  return value ? 1 : 0
}

/** A stored boolean back to a boolean (Postgres may hand back strings for bigint). */
export function fromDbBool(value: number | string | boolean): boolean {
  return value === true || Number(value) === 1
}

/** A JSON value as stored. */
export function toDbJson(value: unknown): string {
  return JSON.stringify(value ?? null)
}

/** A stored JSON value back, tolerating null. */
export function fromDbJson<T>(value: string | null): T | null {
  return value === null ? null : (JSON.parse(value) as T)
}
