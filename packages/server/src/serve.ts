import { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { Host } from './create-host.ts'

export interface ServeOptions {
  readonly hostname: string
  readonly port: number
}

/** A listening host and how to stop it gracefully. */
export interface RunningServer {
  readonly url: string
  readonly port: number
  /** Stops accepting, lets in-flight requests finish, then stops the host. */
  close(): Promise<void>
}

/** Listens with @hono/node-server; resolves once the port is bound. The caller starts the host. */
export async function serveHost(host: Host, options: ServeOptions): Promise<RunningServer> {
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: host.app.fetch, hostname: options.hostname, port: options.port }, () => resolve(s))
    // Node keeps the first 2,000 header lines and silently drops the rest, so a
    // client could push a trusted proxy's own X-Forwarded-For line out of view
    // and have its spoofed one read instead. Without a count limit, Node's size
    // limit (16 KiB of headers, then 431) is the only bound, and it drops nothing.
    if (s instanceof HttpServer) s.maxHeadersCount = 0
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const displayHost = options.hostname.includes(':') ? `[${options.hostname}]` : options.hostname
  return {
    url: `http://${displayHost}:${port}`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Idle keep-alive sockets would hold close() open; in-flight ones finish first.
      if ('closeIdleConnections' in server) server.closeIdleConnections()
      await closed
      await host.close()
    },
  }
}
