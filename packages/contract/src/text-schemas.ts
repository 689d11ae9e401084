import { z } from 'zod'

/** Characters no stored text may hold: NUL (Postgres refuses it) and unpaired UTF-16 surrogates (not encodable as UTF-8). */
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const UNSAFE_MESSAGE = 'must not contain NUL characters or unpaired surrogates'
/** Characters that show nothing: whitespace, controls, format characters (zero-width space…) and fillers. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zs}\p{Zl}\p{Zp}]/gu

/** True when `value` can be stored as text on every engine: no NUL, no unpaired surrogate. */
export function isSafeText(value: string): boolean {
  return !UNSAFE_TEXT.test(value)
}

/** The number of bytes `value` takes in UTF-8 (a lone surrogate counts as the 3 of U+FFFD). */
export function utf8ByteLength(value: string): number {
  let bytes = 0
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** True when `value` shows at least one character (not only spaces, zero-width or format characters). */
export function hasVisibleCharacter(value: string): boolean {
  return value.replace(INVISIBLE, '').length > 0
}

/**
 * The form names are unique by: NFC-normalised, trimmed and lower-cased, so
 * "Café" (precomposed), "Cafe\u0301" (combining accent) and "CAFÉ" are one name.
 * @example foldName(' CAFE\u0301 ') === foldName('café') // true
 */
export function foldName(value: string): string {
  return value.normalize('NFC').trim().toLowerCase().normalize('NFC')
}

/** Options of `textSchema`. */
export interface TextOptions {
  /** Most UTF-8 bytes, counted after normalising and trimming. */
  readonly maxBytes: number
  /** Refuse an empty string (after trimming). */
  readonly nonEmpty?: boolean
  /** Keep the text exactly as sent (ids, cursors, opaque tokens): no normalising, no trimming. */
  readonly verbatim?: boolean
}

/**
 * Text from outside: NUL and unpaired surrogates refused (400 on every engine),
 * NFC-normalised and trimmed unless `verbatim`, size limited in UTF-8 bytes.
 * @example const titleSchema = textSchema({ maxBytes: 200, nonEmpty: true })
 */
export function textSchema(options: TextOptions) {
  const base = z.string().refine(isSafeText, { message: UNSAFE_MESSAGE, abort: true })
  const shaped = options.verbatim ? base : base.normalize('NFC').trim()
  // A UTF-16 code unit takes at most 3 UTF-8 bytes: short text needs no count (most text, on the hot path of bulk inputs).
  const fits = (value: string) => value.length * 3 <= options.maxBytes || utf8ByteLength(value) <= options.maxBytes
  const limited = shaped.refine(fits, {
    message: `must be at most ${options.maxBytes} bytes in UTF-8`,
  })
  return options.nonEmpty ? limited.refine((value) => value.length > 0, { message: 'must not be empty', abort: true }) : limited
}

/**
 * A display name: safe text, NFC-normalised and trimmed, with a visible
 * character, at most `maxBytes` UTF-8 bytes (default 200).
 * @example const teamName = displayNameSchema()
 */
export function displayNameSchema(maxBytes = 200) {
  return textSchema({ maxBytes, nonEmpty: true }).refine(hasVisibleCharacter, {
    message: 'must contain a visible character',
  })
}

/**
 * An identifier-like string (role ids, rule ids, resource ids, tokens): safe,
 * kept verbatim, 1..`maxBytes` UTF-8 bytes.
 */
export function tokenSchema(maxBytes: number) {
  return textSchema({ maxBytes, verbatim: true, nonEmpty: true })
}
