/**
 * The deepest nesting of objects and arrays in a JSON text, counted in one
 * pass over the characters (strings skipped) and stopping once past `limit`,
 * so a hostile body is refused before any parser or schema recurses into it.
 * @example jsonDepthExceeds('{"a":[[]]}', 2) // true: three levels
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c) i++ // backslash: skip the escaped character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true
    } else if (char === 0x7d || char === 0x5d) depth--
  }
  return false
}
