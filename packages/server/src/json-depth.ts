const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * The deepest nesting of objects and arrays in a JSON text, counted in one
 * pass over the characters (strings skipped) and stopping once past `limit`,
 * so a hostile body is refused before any parser or schema recurses into it.
 * @example jsonDepthExceeds('{"a":[[]]}', 2) // true: three levels
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (char === QUOTE) i = closingQuote(text, i)
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true
    } else if (char === 0x7d || char === 0x5d) depth--
  }
  return false
}

/**
 * Where the string opened at `open` ends (text.length if never). Most of a JSON
 * body is strings: jumping between quotes with indexOf instead of reading each
 * character made the scan of a 100 KB batch several times cheaper.
 */
function closingQuote(text: string, open: number): number {
  let quote = open
  for (;;) {
    quote = text.indexOf('"', quote + 1)
    if (quote === -1) return text.length
    // Escaped when an odd run of backslashes precedes it (the opening quote ends the run).
    let backslashes = 0
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return quote
  }
}
