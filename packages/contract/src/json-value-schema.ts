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
 * @example const metadataSchema = jsonObjectSchema({ maxBytes: 16 * 1024, maxDepth: 32 })
 */
export function jsonObjectSchema(limits: JsonObjectLimits) {
  return z.record(z.string(), z.unknown()).check((ctx) => {
    const problem = jsonValueProblem(ctx.value, limits)
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
  })
}
