import type { IncomingMessage } from 'node:http'

/** Node's request under @hono/node-server (`c.env.incoming`); undefined for requests made in process (`app.request`). */
export function nodeIncomingOf(env: unknown): IncomingMessage | undefined {
  return (env as { incoming?: IncomingMessage } | undefined)?.incoming
}
