import { z } from 'zod'
import { displayNameSchema, textSchema, tokenSchema } from './text-schemas.ts'

/** UUID ids, as every resource uses. */
export const idSchema = z.uuid()

/** A display name: NFC-normalised and trimmed, with a visible character, 1..200 UTF-8 bytes. */
export const nameSchema = displayNameSchema(200)

/** A free-text description: safe text, NFC-normalised and trimmed, up to 2,000 UTF-8 bytes. */
export const descriptionSchema = textSchema({ maxBytes: 2000 })

/**
 * The stored form itself (UTC, milliseconds, a four-digit year): once the
 * format check passed, such a value is in range and is its own `toISOString()`,
 * so outputs (every listed row's timestamps) skip two `Date` round trips.
 */
const STORED_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/**
 * An ISO-8601 timestamp with offset, as every timestamp on the wire, parsed
 * into the stored form: UTC with milliseconds (`2026-11-23T10:00:00.000Z`), so
 * handlers compare and store it as text without converting it themselves. Its
 * UTC year must have four digits: `+010000-…` (e.g. 9999-12-31T23:30-02:00)
 * would sort out of order as text.
 */
export const timestampSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    if (STORED_TIMESTAMP.test(value)) return true
    const year = new Date(value).getUTCFullYear()
    return !(year < 0 || year > 9999) // NaN (not a timestamp) is the format check's to report
  }, 'must fall between the years 0000 and 9999 in UTC')
  // An overwrite, not a transform: no pipe to run per value (every listed row has
  // two), and the output's JSON Schema stays a date-time string.
  .overwrite(toStoredTimestamp)

/** The stored form of a timestamp the format check passed; anything else as given (the checks report it). */
function toStoredTimestamp(value: string): string {
  if (STORED_TIMESTAMP.test(value)) return value
  const time = Date.parse(value)
  return Number.isNaN(time) ? value : new Date(time).toISOString()
}

/** The largest page any paged list answers. */
export const MAX_PAGE_LIMIT = 500

/**
 * Page size for a paged list: an integer 1..500, `defaultLimit` when absent.
 * @example const input = z.object({ limit: pageLimitSchema(500), cursor: cursorSchema.optional() })
 */
export function pageLimitSchema(defaultLimit: number) {
  return z.int().min(1).max(MAX_PAGE_LIMIT).default(defaultLimit)
}

/** Page size for paged lists: 1..500, default 100. */
export const limitSchema = pageLimitSchema(100)

/** An opaque paging cursor returned as `nextCursor`. */
export const cursorSchema = tokenSchema(500)

/**
 * An optional list input: `{}`, `null` or absent all become the schema's
 * defaults (absent parses `{}`, so `limit` and friends get their defaults).
 * Only for schemas whose fields are all optional.
 */
export function optionalInput<T extends z.ZodObject>(schema: T) {
  return schema.nullish().transform((value): z.output<T> => value ?? schema.parse({}))
}

/** The input of a procedure that takes none: `{}`, `null` or absent (extra keys are refused like any input's). */
export const emptyInput = optionalInput(z.object({}))
