import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A real HTTP server on 127.0.0.1 whose answer a test can change, counting the probes it gets. */
export interface ProbeTarget extends AsyncDisposable {
  readonly url: string
  hits: number
  status: number
  /** How long each answer waits, in ms (0 by default). */
  delayMs: number
}

export async function startProbeTarget(): Promise<ProbeTarget> {
  const target = { hits: 0, status: 200, delayMs: 0 } as ProbeTarget & { server: Server }
  const server = createServer((_, response) => {
    target.hits++
    const status = target.status
    setTimeout(() => response.writeHead(status).end('ok'), target.delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return Object.assign(target, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
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
