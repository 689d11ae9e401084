import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A real HTTP server on 127.0.0.1 whose answer a test can change, counting the probes it gets. */
export interface ProbeTarget extends AsyncDisposable {
  /** `{origin}/health`; any other path is answered the same way. */
  readonly url: string
  readonly origin: string
  hits: number
  status: number
  /** How long each answer waits, in ms (0 by default). */
  delayMs: number
  /** Paths that are never answered (the probe times out). */
  readonly hanging: Set<string>
  /** When each path was hit (Date.now()), in order. */
  hitsOf(path: string): number[]
}

export async function startProbeTarget(): Promise<ProbeTarget> {
  const times = new Map<string, number[]>()
  const target = { hits: 0, status: 200, delayMs: 0, hanging: new Set<string>() } as unknown as ProbeTarget & { server: Server }
  const server = createServer((request, response) => {
    target.hits++
    const path = request.url ?? '/'
    times.set(path, [...(times.get(path) ?? []), Date.now()])
    if (target.hanging.has(path)) return
    const status = target.status
    setTimeout(() => response.writeHead(status).end('ok'), target.delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return Object.assign(target, {
    origin,
    url: `${origin}/health`,
    hitsOf: (path: string) => times.get(path) ?? [],
    [Symbol.asyncDispose]: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  })
}

/** Polls `read` until `done` holds (or fails after `timeoutMs`). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
