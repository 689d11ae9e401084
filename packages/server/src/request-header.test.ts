import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import fc from 'fast-check'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestHeader } from './request-header.ts'

const NAMES = ['authorization', 'cookie', 'content-type', 'x-request-id', 'x-forwarded-for', 'origin']

let server: ServerType
let port: number

beforeAll(async () => {
  const app = new Hono()
  // Both answers for every name: ours from Node's raw list, Hono's from the fetch Headers it builds.
  app.all('*', (c) => c.json(NAMES.map((name) => ({ name, ours: requestHeader(c, name) ?? null, hono: c.req.header(name) ?? null }))))
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve())
  })
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Sends a raw HTTP/1.1 request with exactly these header lines (so repeats and case survive). */
function rawRequest(lines: readonly (readonly [string, string])[]): Promise<{ name: string; ours: string | null; hono: string | null }[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (text += chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const [head, body] = text.split('\r\n\r\n', 2)
      if (!head?.startsWith('HTTP/1.1 200')) return reject(new Error(`unexpected answer: ${head}`))
      resolve(JSON.parse(body!) as never)
    })
    const header = lines.map(([name, value]) => `${name}:${value}\r\n`).join('')
    socket.end(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${header}\r\n`)
  })
}

const headerName = fc.constantFrom(...NAMES, 'accept', 'x-other').chain((name) =>
  fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((upper) => [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('')),
)
// Visible ASCII with inner spaces and tabs, optionally padded: what Node's parser lets through.
const headerValue = fc
  .tuple(fc.constantFrom('', ' ', '  ', '\t'), fc.stringMatching(/^[!-~]([ \t!-~]{0,20}[!-~])?$/), fc.constantFrom('', ' ', '\t '))
  .map(([before, inner, after]) => before + inner + after)

describe('requestHeader', () => {
  it('answers as c.req.header for any repeats, letter case and padding of real request headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }), async (lines) => {
        for (const { name, ours, hono } of await rawRequest(lines)) expect({ name, value: ours }).toEqual({ name, value: hono })
      }),
      { numRuns: 150 },
    )
  })

  it('joins two Authorization headers as Hono does, so neither is picked alone', async () => {
    const answers = await rawRequest([
      ['Authorization', 'Bearer ck_first'],
      ['authorization', 'Bearer ck_second'],
    ])
    expect(answers.find((a) => a.name === 'authorization')).toEqual({ name: 'authorization', ours: 'Bearer ck_first, Bearer ck_second', hono: 'Bearer ck_first, Bearer ck_second' })
  })

  it('falls back to c.req.header for requests made in process (no Node request)', async () => {
    const app = new Hono()
    app.get('/', (c) => c.text(requestHeader(c, 'x-request-id') ?? 'none'))
    const response = await app.request('/', { headers: { 'X-Request-Id': 'abc' } })
    expect(await response.text()).toBe('abc')
  })
})
