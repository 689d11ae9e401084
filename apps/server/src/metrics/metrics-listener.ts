import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Registry } from 'prom-client'

/** The metrics listener: `GET /metrics` only, on its own address. */
export interface MetricsListener {
  readonly url: string
  close(): Promise<void>
}

/**
 * Serves the registry in Prometheus' text format on `hostname:port`, apart
 * from the public API port (never mounted there).
 */
export async function listenForMetrics(registry: Registry, address: { hostname: string; port: number }): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at GET /metrics\n')
      return
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    )
  })
  await listen(server, address)
  const { port } = server.address() as AddressInfo
  const host = address.hostname.includes(':') ? `[${address.hostname}]` : address.hostname
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function listen(server: Server, { hostname, port }: { hostname: string; port: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
