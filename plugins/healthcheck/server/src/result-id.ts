import { randomFillSync } from 'node:crypto'

// Random bytes are drawn for this many ids at once: one CSPRNG call per id cost
// more than the rest of building a result (about 6 µs each, 1,000 ids a batch).
const IDS_PER_DRAW = 256
const pool = Buffer.alloc(16 * IDS_PER_DRAW)
let next = IDS_PER_DRAW

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Result
 * ids grow with time, so bulk inserts append to the primary-key index instead
 * of scattering over it: on SQLite, reportResults stores several times more
 * results per second than with random v4 ids (see the README).
 * @example const id = createResultId() // '019ab0f3-8c1e-7d2a-9f3b-…'
 */
export function createResultId(now = Date.now()): string {
  if (next === IDS_PER_DRAW) {
    randomFillSync(pool)
    next = 0
  }
  // Each 16-byte slot of the pool is used for one id only, then drawn anew.
  const bytes = pool.subarray(16 * next, 16 * ++next)
  bytes.writeUIntBE(now, 0, 6)
  bytes[6] = (bytes[6]! & 0x0f) | 0x70
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
