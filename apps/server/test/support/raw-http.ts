import { connect, type Socket } from 'node:net'
import { callApi, type ApiAnswer } from './host-api.ts'

/**
 * Raw HTTP/1.1 over a socket, for tests whose requests must go out exactly as
 * written: repeated or oddly cased header lines, chunk framing, pipelining,
 * clients that stop halfway.
 */

/** What came back on one connection. */
export interface Exchange {
  /** Every byte received, as latin1 text (one character per byte). */
  readonly text: string
  /** The server closed the connection before `waitMs`. */
  readonly closed: boolean
  readonly ms: number
}

/** Writes `payload` (or lets it drive the socket) and collects the answer until the server closes or `waitMs` passes. */
export function exchange(url: string, payload: string | ((socket: Socket) => void), waitMs = 3000): Promise<Exchange> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = connect(Number(port), hostname)
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => (text += chunk))
    socket.on('error', () => {})
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ text, closed: false, ms: Date.now() - started })
    }, waitMs)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ text, closed: true, ms: Date.now() - started })
    })
    if (typeof payload === 'string') socket.write(payload)
    else payload(socket)
  })
}

/** The status of every response in `text`, in order (pipelined answers included). */
export const statuses = (text: string) => [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]))
/** The first response's status line and header lines. */
export const headOf = (text: string) => text.slice(0, text.indexOf('\r\n\r\n'))
/** The first response's body, decoded as UTF-8. */
export const firstBody = (text: string) => Buffer.from(text.slice(text.indexOf('\r\n\r\n') + 4), 'latin1').toString('utf8')
/** A header of the first response, any name case; undefined when absent. */
export const firstHeader = (text: string, name: string) => new RegExp(`^${name}: ([^\\r]*)`, 'im').exec(headOf(text))?.[1]
/** One chunk of a chunked body. */
export const chunk = (data: string) => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`

/** A JSON-endpoint call with the server's admin key. */
export function callJson(s: { readonly url: string; readonly adminKey: string }, plugin: string, body: unknown): Promise<ApiAnswer> {
  return callApi(s.url, { key: s.adminKey, plugin, body })
}

/**
 * A request as sent: request line, Host, `Connection: close`, Content-Length
 * (not for GET), exactly `lines`, then the body.
 */
export function requestText(url: string, lines: readonly string[], { body = '{"getSystems":{}}', path = '/api/catalog/', method = 'POST' } = {}): string {
  const length = method === 'GET' ? [] : [`Content-Length: ${Buffer.byteLength(body)}`]
  return [`${method} ${path} HTTP/1.1`, `Host: ${new URL(url).host}`, 'Connection: close', ...length, ...lines, '', method === 'GET' ? '' : body].join('\r\n')
}

/** One `requestText` request on its own connection. */
export function send(url: string, lines: readonly string[], options: { body?: string; path?: string; method?: string } = {}): Promise<Exchange> {
  return exchange(url, requestText(url, lines, options))
}
