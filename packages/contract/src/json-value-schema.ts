import { z } from 'zod'
import { isSafeText, utf8ByteLength } from './text-schemas.ts'

/** Limits of a free-form JSON object. */
export interface JsonObjectLimits {
  /** Most UTF-8 bytes of its JSON text. */
  readonly maxBytes: number
  /** Most levels of objects and arrays, the object itself counting as 1. */
  readonly maxDepth: number
}

/**
 * Why a JSON value breaks the limits, or undefined. Walks iteratively (no
 * recursion, so no stack to blow) and stops at the first problem.
 */
export function jsonValueProblem(value: unknown, limits: JsonObjectLimits): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }]
  while (stack.length > 0) {
    const item = stack.pop()!
    if (typeof item.value === 'string') {
      if (!isSafeText(item.value)) return 'must not contain NUL characters or unpaired surrogates'
      continue
    }
    if (typeof item.value !== 'object' || item.value === null) continue
    if (item.depth > limits.maxDepth) return `must not be nested deeper than ${limits.maxDepth} levels`
    const entries = Array.isArray(item.value) ? item.value : Object.entries(item.value).flat()
    for (const child of entries) stack.push({ value: child, depth: item.depth + 1 })
  }
  if (utf8ByteLength(JSON.stringify(value)) > limits.maxBytes) return `must serialize to at most ${limits.maxBytes} bytes of UTF-8`
  return undefined
}

/**
 * A free-form JSON object (e.g. metadata): its strings and keys safe text, its
 * nesting and its UTF-8 size bounded, so that what is stored can always be read back.
 * A top-level `"__proto__"` key is refused: JSON.parse keeps it as data, but
 * copying the object into a record (zod's, and any caller's) drops it silently,
 * so it would be accepted and never stored. Nested ones are kept as sent.
 * @example const metadataSchema = jsonObjectSchema({ maxBytes: 16 * 1024, maxDepth: 32 })
 */
export function jsonObjectSchema(limits: JsonObjectLimits) {
  const object = z.record(z.string(), z.unknown()).check((ctx) => {
    const problem = jsonValueProblem(ctx.value, limits)
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
  })
  // Checked before the record copies the keys; JSON Schema generators describe `object`.
  return z.preprocess((value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
      ctx.issues.push({ code: 'custom', message: 'must not have the key "__proto__"', input: value, path: ['__proto__'] })
    }
    return value
  }, object)
}
