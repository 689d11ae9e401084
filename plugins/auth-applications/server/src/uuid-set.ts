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

/** Collects ids one at a time (keeping none of the strings), then builds the set once. */
export interface UuidSetBuilder {
  add(id: string): void
  build(): UuidSet
}

/**
 * Builds a set of UUID strings held as 16 bytes each in one sorted typed array
 * (binary search), not as one JS string and hash-table entry each: 100,000 ids
 * take 1.6 MB outside the JS heap, which the garbage collector never has to
 * walk, instead of ~7 MB of strings and hash table it marks on every major GC.
 * Each id is parsed as it is added, so no id string outlives its `add`.
 * Ids that are not canonical lowercase UUIDs go in an ordinary Set.
 * The set is fixed once built; ids can only be deleted from it.
 *
 * @example
 * const builder = createUuidSetBuilder()
 * builder.add('0b6c0c2e-8f0e-4a53-9a40-2f2d6f1f6b1e')
 * builder.build().has('0b6c0c2e-8f0e-4a53-9a40-2f2d6f1f6b1e') // true
 */
export function createUuidSetBuilder(): UuidSetBuilder {
  const others = new Set<string>()
  let unsorted: Uint32Array = new Uint32Array(WORDS * 1024)
  let count = 0
  return {
    add(id) {
      if (count * WORDS === unsorted.length) unsorted = grow(unsorted)
      if (writeWords(id, unsorted, count * WORDS)) count++
      else others.add(id)
    },
    build: () => sortedSet(sortIds(unsorted.subarray(0, count * WORDS)), others),
  }
}

/**
 * A sorted copy of `unsorted` (ids of 4 words each), with one more, spare slot
 * at the end for the id being looked up. Its own function, so the set's
 * closures cannot keep `unsorted`.
 */
function sortIds(unsorted: Uint32Array): Uint32Array {
  const count = unsorted.length / WORDS
  const order = Uint32Array.from({ length: count }, (_, index) => index).sort((a, b) => compare(unsorted, a * WORDS, b * WORDS))
  const words = new Uint32Array((count + 1) * WORDS)
  order.forEach((from, to) => words.set(unsorted.subarray(from * WORDS, (from + 1) * WORDS), to * WORDS))
  return words
}

/** The set over `words` (sorted ids of 4 words each, then the spare slot) and `others`. */
function sortedSet(words: Uint32Array, others: Set<string>): UuidSet {
  const count = words.length / WORDS - 1
  // Lookups parse into the spare slot (they are synchronous), so a lookup allocates nothing.
  const wanted = count * WORDS
  const deleted = new Uint8Array(count)
  let size = count

  /** The index of `id` in `words`, or -1. */
  function indexOf(id: string): number {
    if (!writeWords(id, words, wanted)) return -1
    let low = 0
    let high = count - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = compare(words, middle * WORDS, wanted)
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

/** A copy of `words` with twice the room. */
function grow(words: Uint32Array): Uint32Array {
  const larger = new Uint32Array(words.length * 2)
  larger.set(words)
  return larger
}

/** Sign of (the id at word `a` of `words`) − (the id at word `b`). */
function compare(words: Uint32Array, a: number, b: number): number {
  for (let word = 0; word < WORDS; word++) {
    const difference = words[a + word]! - words[b + word]!
    if (difference !== 0) return difference
  }
  return 0
}
