import { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { Host } from './create-host.ts'
import { NODE_MAX_HEADERS_COUNT } from './header-line-limit.ts'

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
    // Node drops header lines past this count silently; the host refuses such requests (431).
    if (s instanceof HttpServer) s.maxHeadersCount = NODE_MAX_HEADERS_COUNT
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
