import type { Context } from 'hono'
import { nodeIncomingOf } from './node-incoming.ts'

/**
 * A request header as `c.req.header(name)` answers it, `name` in lower case;
 * undefined when absent. Under @hono/node-server it is read from Node's raw
 * header list, the list Hono's `Headers` would be built from: the first
 * `c.req.header` call of a request builds a whole fetch `Headers` (about 7 µs
 * on the bench machine) and the hot path reads only a few names. Same answer
 * as `Headers.get`: repeated headers joined with `, ` (`cookie` with `; `);
 * Node's parser has already trimmed each value.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const raw = nodeIncomingOf(c.env)?.rawHeaders
  if (!raw) return c.req.header(name)
  let value: string | undefined
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!
    if (key.length !== name.length || key.toLowerCase() !== name) continue
    const item = raw[i + 1]!
    value = value === undefined ? item : value + (name === 'cookie' ? '; ' : ', ') + item
  }
  return value
}
