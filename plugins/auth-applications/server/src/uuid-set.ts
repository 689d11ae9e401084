const WORDS = 4
const UUID_LENGTH = 36
const DASH = 45

/** A fixed set of ids that only shrinks: `has` and `delete` by id string. */
export interface UuidSet {
  has(id: string): boolean
  delete(id: string): void
  /** Ids still in the set. */
  readonly size: number
}

/**
 * A set of UUID strings held as 16 bytes each in one sorted typed array
 * (binary search), not as one JS string and hash-table entry each: 100,000 ids
 * take 1.6 MB outside the JS heap, which the garbage collector never has to
 * walk, instead of ~7 MB of strings and hash table it marks on every major GC.
 * Ids that are not canonical lowercase UUIDs go in an ordinary Set.
 * Built once; later ids cannot be added, only deleted.
 *
 * @example
 * const ids = createUuidSet(['0b6c0c2e-8f0e-4a53-9a40-2f2d6f1f6b1e'])
 * ids.has('0b6c0c2e-8f0e-4a53-9a40-2f2d6f1f6b1e') // true
 */
export function createUuidSet(ids: Iterable<string>): UuidSet {
  const uuids: string[] = []
  const others = new Set<string>()
  // Reused by every parse (all synchronous), so a lookup allocates nothing.
  const wanted = new Uint32Array(WORDS)
  for (const id of ids) {
    if (writeWords(id, wanted, 0)) uuids.push(id)
    else others.add(id)
  }
  // Code-unit order of canonical UUIDs (dashes at fixed places) is their numeric order.
  uuids.sort()
  // Only `count` outlives this call, not `uuids`: the strings are garbage once copied.
  const count = uuids.length
  const words = new Uint32Array(count * WORDS)
  uuids.forEach((id, index) => writeWords(id, words, index * WORDS))
  const deleted = new Uint8Array(count)
  let size = count

  /** The index of `id` in `words`, or -1. */
  function indexOf(id: string): number {
    if (!writeWords(id, wanted, 0)) return -1
    let low = 0
    let high = count - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = compareAt(words, middle, wanted)
      if (order === 0) return middle
      if (order < 0) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  return {
    has(id) {
      if (others.has(id)) return true
      const index = indexOf(id)
      return index >= 0 && deleted[index] === 0
    },
    delete(id) {
      if (others.delete(id)) return
      const index = indexOf(id)
      if (index < 0 || deleted[index] === 1) return
      deleted[index] = 1
      size--
    },
    get size() {
      return size + others.size
    },
  }
}

/** Where the 32 hex digits of a canonical UUID sit in its 36 characters (dashes at 8, 13, 18, 23). */
const HEX_AT = Uint8Array.from({ length: UUID_LENGTH }, (_, at) => at).filter((at) => at !== 8 && at !== 13 && at !== 18 && at !== 23)

/**
 * Writes a canonical lowercase UUID (as `randomUUID()` spells it) as four
 * 32-bit words, most significant first, into `into` at `offset`, and says
 * whether `id` was one (if not, what was written is meaningless). Allocates nothing.
 */
function writeWords(id: string, into: Uint32Array, offset: number): boolean {
  if (id.length !== UUID_LENGTH) return false
  if (id.charCodeAt(8) !== DASH || id.charCodeAt(13) !== DASH || id.charCodeAt(18) !== DASH || id.charCodeAt(23) !== DASH) return false
  for (let word = 0; word < WORDS; word++) {
    let value = 0
    for (let digit = word * 8; digit < word * 8 + 8; digit++) {
      const code = id.charCodeAt(HEX_AT[digit]!)
      // '0'–'9' are 48–57, 'a'–'f' 97–102; anything else (upper case too) is not canonical.
      const nibble = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1
      if (nibble < 0) return false
      value = value * 16 + nibble
    }
    into[offset + word] = value
  }
  return true
}

/** Sign of (entry `index` of `words`) − the first entry of `wanted`. */
function compareAt(words: Uint32Array, index: number, wanted: Uint32Array): number {
  for (let word = 0; word < WORDS; word++) {
    const difference = words[index * WORDS + word]! - wanted[word]!
    if (difference !== 0) return difference
  }
  return 0
}
