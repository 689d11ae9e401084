import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { bundleApp, bundlePaths, isBundleFresh } from '../../../scripts/app-bundle.mjs'
import { startListeningServer, type ListeningServer } from './listening-server.ts'
import { callJson, chunk, exchange, firstBody, firstHeader, requestText, send, statuses } from './support/raw-http.ts'

/**
 * Attacks on three host changes, over real HTTP with raw sockets: a client
 * closing mid-body is a 400 (not an error line), a top-level "__proto__"
 * metadata key is refused (not dropped), and no header line is dropped: a
 * request of more than 200 lines is refused whole (431), and Node's 16 KiB
 * header size limit (431) still holds.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** `count` header lines "a:" (4 bytes on the wire, 1 byte of name and value). */
const tinyLines = (count: number) => Array.from({ length: count }, () => 'a:')
/**
 * Node's header size limit (16 KiB, answered 431) counts the URL and each
 * header's name and value, not the ": " and CRLF around them: it refuses a
 * request whose count reaches 16,384.
 */
const MAX_HEADER_BYTES = 16 * 1024
const countedBytes = (path: string, lines: readonly string[]) => path.length + lines.reduce((sum, line) => sum + line.replace(/: ?/, '').length, 0)
/** The head lines `requestText` sends besides the extra ones, for counting. */
const baseLines = (url: string, bodyLength: number | undefined) => [`Host: ${new URL(url).host}`, 'Connection: close', ...(bodyLength === undefined ? [] : [`Content-Length: ${bodyLength}`])]
/** Distinct empty header lines (names in base 36: a … z, 10 … zz, 100 …) while the head's count stays under the limit, with a little room. */
function distinctNamesFilling(path: string, others: readonly string[]): string[] {
  const lines: string[] = []
  let count = countedBytes(path, others)
  for (let i = 10; count + i.toString(36).length < MAX_HEADER_BYTES - 8; i++) {
    lines.push(`${i.toString(36)}:`)
    count += i.toString(36).length
  }
  return lines
}

async function systemNames(s: ListeningServer): Promise<string[]> {
  return ((await callJson(s, 'catalog', { getSystems: {} })).body.getSystems.systems as { name: string }[]).map((x) => x.name)
}

type LogLine = Record<string, unknown>
const logsSince = (s: ListeningServer, from: number) => s.logs.slice(from).map((line) => JSON.parse(line) as LogLine)
const accessLine = (lines: readonly LogLine[], requestId: string) => lines.find((line) => line.message === 'request' && line.requestId === requestId)

describe('a client closing the connection mid-body', () => {
  let s: ListeningServer
  let consoleError: MockInstance<typeof console.error>
  let head: (path: string, extra: string[], key?: string) => string
  beforeAll(async () => {
    s = await startListeningServer()
    consoleError = vi.spyOn(console, 'error')
    const host = new URL(s.url).host
    head = (path, extra, key = s.adminKey) =>
      [`POST ${path} HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json', `Authorization: Bearer ${key}`, ...extra].join('\r\n') + '\r\n\r\n'
  })
  afterAll(async () => {
    consoleError.mockRestore()
    await s[Symbol.asyncDispose]()
  })

  /** Writes `start`, then closes after `afterMs` (0: in the same tick, before the host reads the body). */
  const abortAfter = (start: string, afterMs: number, how: 'destroy' | 'end' = 'destroy') =>
    exchange(s.url, (socket) => {
      socket.write(start)
      const stop = () => (how === 'destroy' ? socket.destroy() : socket.end())
      if (afterMs === 0) stop()
      else setTimeout(stop, afterMs)
    })

  it('a body cut short where it would already parse as JSON never runs its handler (Content-Length, chunked, per-procedure, half-close): nothing is created, each is a 400 in the access log', async () => {
    const from = s.logs.length
    const cases: [string, string, 'destroy' | 'end'][] = [
      ['cut-cl', head('/api/catalog/', ['Content-Length: 200', 'X-Request-Id: cut-cl']) + '{"createSystem":{"name":"cut-cl"}}', 'destroy'],
      ['cut-chunked', head('/api/catalog/', ['Transfer-Encoding: chunked', 'X-Request-Id: cut-chunked']) + chunk('{"createSystem":{"name":"cut-chunked"}}'), 'destroy'],
      ['cut-proc', head('/api/catalog/createSystem', ['Content-Length: 200', 'X-Request-Id: cut-proc']) + '{"name":"cut-proc"}', 'destroy'],
      ['cut-proc-chunked', head('/api/catalog/createSystem', ['Transfer-Encoding: chunked', 'X-Request-Id: cut-proc-chunked']) + chunk('{"name":"cut-proc-chunked"}'), 'destroy'],
      ['cut-half-close', head('/api/catalog/', ['Content-Length: 200', 'X-Request-Id: cut-half-close']) + '{"createSystem":{"name":"cut-half-close"}}', 'end'],
    ]
    for (const [, start, how] of cases) {
      const r = await abortAfter(start, 100, how)
      expect(statuses(r.text).filter((status) => status < 400)).toEqual([])
    }
    await sleep(200)
    expect((await systemNames(s)).filter((name) => name.startsWith('cut-'))).toEqual([])
    const lines = logsSince(s, from)
    for (const [requestId] of cases) expect(accessLine(lines, requestId), requestId).toMatchObject({ status: 400 })
  })

  it('a client closing before, during or after the body is read, or past the size limit, leaves no error line and no console.error; the next request is 200', async () => {
    const from = s.logs.length
    consoleError.mockClear()
    const aborts: [string, number][] = [
      // Closed in the same tick as the headers: the host is still authenticating when it finds the body gone.
      [head('/api/catalog/', ['Content-Length: 500']) + '{"getSy', 0],
      [head('/api/catalog/createSystem', ['Content-Length: 500']) + '{"na', 0],
      [head('/api/catalog/', ['Content-Length: 500']), 0],
      [head('/api/catalog/', ['Content-Length: 500']) + '{"getSy', 100],
      [head('/api/catalog/', ['Transfer-Encoding: chunked']) + chunk('{"getSy'), 100],
      // A chunk header promising more than arrives.
      [head('/api/catalog/', ['Transfer-Encoding: chunked']) + '1000\r\n{"getSy', 100],
      [head('/api/catalog/', ['Transfer-Encoding: chunked']) + chunk('x'.repeat(1024 * 1024 + 10)), 100],
      // Refused before the body (wrong key, unknown plugin), then closed.
      [head('/api/catalog/', ['Content-Length: 500'], 'ck_nope') + '{"getSy', 100],
      [head('/api/nope/', ['Content-Length: 500']) + '{"getSy', 100],
    ]
    for (const [start, afterMs] of aborts) await abortAfter(start, afterMs)
    await sleep(300)
    expect(logsSince(s, from).filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
    expect(statuses((await exchange(s.url, head('/api/catalog/', ['Content-Length: 17', 'Connection: close']) + '{"getSystems":{}}')).text)).toEqual([200])
  })

  it('fifty clients closing mid-body at once: no error line, every one a 400 in the access log, the host still answers', async () => {
    const from = s.logs.length
    await Promise.all(Array.from({ length: 50 }, (_, i) => abortAfter(head('/api/catalog/', ['Content-Length: 800', `X-Request-Id: many-${i}`]) + '{"getSystems":', 50)))
    await sleep(300)
    const lines = logsSince(s, from)
    expect(lines.filter((line) => line.level === 'error')).toEqual([])
    expect(Array.from({ length: 50 }, (_, i) => accessLine(lines, `many-${i}`)?.status)).toEqual(Array.from({ length: 50 }, () => 400))
    expect((await callJson(s, 'catalog', { getSystems: {} })).status).toBe(200)
  })

  it('the sign-in route (no credential needed): a client closing mid-body is a 400 in the access log, not an error line with a stack', async () => {
    const from = s.logs.length
    consoleError.mockClear()
    const host = new URL(s.url).host
    const start = ['POST /auth/sign-in/email HTTP/1.1', `Host: ${host}`, 'Content-Type: application/json', 'Content-Length: 500', 'X-Request-Id: sign-in-abort'].join('\r\n') + '\r\n\r\n{"email":"a@example.com",'
    await abortAfter(start, 100)
    await sleep(200)
    const lines = logsSince(s, from)
    const seen = { errorLines: lines.filter((line) => line.level === 'error').map((line) => line.message), consoleErrors: consoleError.mock.calls.length, status: accessLine(lines, 'sign-in-abort')?.status }
    expect(seen).toEqual({ errorLines: [], consoleErrors: 0, status: 400 })
  })
})

describe('a top-level "__proto__" metadata key', () => {
  let s: ListeningServer
  let auth: string[]
  beforeAll(async () => {
    s = await startListeningServer()
    auth = ['Content-Type: application/json', `Authorization: Bearer ${s.adminKey}`]
  })
  afterAll(() => s[Symbol.asyncDispose]())

  const batch = (body: string) => send(s.url, auth, { body })
  const single = (procedure: string, body: string) => send(s.url, auth, { body, path: `/api/catalog/${procedure}` })
  const createTarget = async (name: string) => (await callJson(s, 'catalog', { createSystem: { name, metadata: { kept: true } } })).body.createSystem.id as string
  const metadataOf = async (systemId: string) => (await callJson(s, 'catalog', { getSystem: { systemId } })).body.getSystem.metadata as unknown

  it('written with JSON escapes ("\\u005f\\u005fproto__", "__pro\\u0074o__") it is refused like the plain key, on create and update', async () => {
    const target = await createTarget('escaped-update')
    for (const key of ['\\u005f\\u005fproto__', '__pro\\u0074o__', '\\u005F\\u005F\\u0070\\u0072\\u006F\\u0074\\u006F\\u005F\\u005F']) {
      const create = await batch(`{"createSystem":{"name":"escaped-create","metadata":{"${key}":{"polluted":true},"a":1}}}`)
      expect(statuses(create.text), key).toEqual([400])
      expect(JSON.parse(firstBody(create.text))).toMatchObject({ code: 'BAD_REQUEST', procedure: 'createSystem', issues: [{ path: 'metadata.__proto__' }] })
      const update = await batch(`{"updateSystem":{"systemId":"${target}","metadata":{"${key}":{"polluted":true}}}}`)
      expect(statuses(update.text), key).toEqual([400])
    }
    expect(await systemNames(s)).not.toContain('escaped-create')
    expect(await metadataOf(target)).toEqual({ kept: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('the per-procedure endpoint (POST /api/catalog/createSystem, /updateSystem) refuses it with 400 naming the key, in oRPC\'s error shape; nothing is stored', async () => {
    const target = await createTarget('single-update')
    const create = await single('createSystem', '{"name":"single-create","metadata":{"__proto__":{"polluted":true},"a":1}}')
    expect(statuses(create.text)).toEqual([400])
    expect(JSON.parse(firstBody(create.text))).toMatchObject({ code: 'BAD_REQUEST', status: 400, data: { issues: [{ path: 'metadata.__proto__', message: 'must not have the key "__proto__"' }] } })
    const escaped = await single('createSystem', '{"name":"single-create","metadata":{"\\u005f\\u005fproto__":1}}')
    expect(statuses(escaped.text)).toEqual([400])
    for (const metadata of ['{"__proto__":{"polluted":true}}', '{"a":1,"\\u005f_proto__":null}']) {
      const update = await single('updateSystem', `{"systemId":"${target}","name":"renamed","metadata":${metadata}}`)
      expect(statuses(update.text)).toEqual([400])
    }
    expect(await systemNames(s)).not.toContain('single-create')
    expect(await systemNames(s)).not.toContain('renamed')
    expect(await metadataOf(target)).toEqual({ kept: true })
  })

  it('refused whatever its value (null, false, 0, "", [], {}) and when the key is repeated', async () => {
    for (const metadata of ['{"__proto__":null}', '{"__proto__":false}', '{"__proto__":0}', '{"__proto__":""}', '{"__proto__":[]}', '{"__proto__":{}}', '{"__proto__":1,"__proto__":2}', '{"a":1,"__proto__":{},"b":2}']) {
      const r = await batch(`{"createSystem":{"name":"valued","metadata":${metadata}}}`)
      expect(statuses(r.text), metadata).toEqual([400])
    }
    expect(await systemNames(s)).not.toContain('valued')
  })

  it('a batch with one refused metadata runs nothing: the valid createSystem before it is not stored', async () => {
    const r = await batch('{"createSystem":{"name":"batch-first"},"updateSystem":{"systemId":"00000000-0000-4000-8000-000000000000","metadata":{"__proto__":{}}}}')
    expect(statuses(r.text)).toEqual([400])
    expect(JSON.parse(firstBody(r.text))).toMatchObject({ procedure: 'updateSystem' })
    expect(await systemNames(s)).not.toContain('batch-first')
  })

  it('keys that only look like it are kept as sent ("__proto__ ", "__PROTO__", "_proto_", "proto", "constructor", "prototype", "__defineGetter__"), and nested "__proto__" keys too', async () => {
    const metadata = '{"__proto__ ":1,"__PROTO__":2,"_proto_":3,"proto":4,"constructor":{"prototype":{"polluted":true}},"prototype":5,"__defineGetter__":6,"deep":{"__proto__":{"x":[{"__proto__":7}]}}}'
    const r = await batch(`{"createSystem":{"name":"look-alike","metadata":${metadata}}}`)
    expect(statuses(r.text)).toEqual([200])
    const created = JSON.parse(firstBody(r.text)).createSystem as { id: string; metadata: unknown }
    const expected: unknown = JSON.parse(metadata)
    expect(created.metadata).toEqual(expected)
    expect(await metadataOf(created.id)).toEqual(expected)
    const viaSingle = await fetch(`${s.url}/api/catalog/getSystem`, { method: 'POST', headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ systemId: created.id }) })
    expect(((await viaSingle.json()) as { metadata: unknown }).metadata).toEqual(expected)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('metadata that is not an object (array, string, number, null) stays a 400', async () => {
    for (const metadata of ['[]', '[{"__proto__":1}]', '"__proto__"', '1', 'null']) {
      expect(statuses((await batch(`{"createSystem":{"name":"not-object","metadata":${metadata}}}`)).text), metadata).toEqual([400])
    }
  })

  it('a "__proto__" key beside the input\'s own fields cannot smuggle metadata or a description in', async () => {
    const r = await batch('{"createSystem":{"name":"beside","__proto__":{"metadata":{"smuggled":true},"description":"smuggled"}}}')
    // An unknown input field, ignored like any other (README: input fields a procedure does not know are ignored).
    expect(statuses(r.text)).toEqual([200])
    expect(JSON.parse(firstBody(r.text)).createSystem).toMatchObject({ name: 'beside', description: null, metadata: {} })
    const target = await createTarget('beside-update')
    const update = await batch(`{"updateSystem":{"systemId":"${target}","__proto__":{"metadata":{"smuggled":true}}}}`)
    expect(statuses(update.text)).toEqual([200])
    expect(await metadataOf(target)).toEqual({ kept: true })
  })

  it('a "__proto__" procedure key in the JSON endpoint body is refused as an unknown procedure, and the call beside it does not run', async () => {
    for (const body of ['{"__proto__":{},"createSystem":{"name":"beside-proto-key"}}', '{"createSystem":{"name":"beside-proto-key"},"\\u005f\\u005fproto__":null}']) {
      const r = await batch(body)
      expect(statuses(r.text), body).toEqual([404])
      expect(JSON.parse(firstBody(r.text))).toMatchObject({ code: 'NOT_FOUND', procedure: '__proto__' })
    }
    expect(statuses((await single('__proto__', '{}')).text)).toEqual([404])
    expect(await systemNames(s)).not.toContain('beside-proto-key')
  })

  it('OpenAPI: the metadata input of createSystem and updateSystem is still described as a JSON object (the preprocess step did not blank it)', async () => {
    const doc = (await (await fetch(`${s.url}/api/openapi.json`)).json()) as { paths: Record<string, any>; components?: { schemas?: Record<string, any> } }
    const resolve = (schema: any): any => (schema?.$ref ? doc.components!.schemas![String(schema.$ref).split('/').pop()!] : schema)
    const inputs = Object.entries(doc.paths)
      .filter(([path]) => /\/(createSystem|updateSystem)$/.test(path))
      .map(([path, item]) => [path, resolve(item.post.requestBody.content['application/json'].schema)] as const)
    expect(inputs.length).toBeGreaterThanOrEqual(2)
    for (const [path, input] of inputs) expect(resolve(input.properties.metadata), path).toMatchObject({ type: 'object' })
  })
})

describe('at most 200 header lines, none dropped; 16 KiB of headers', () => {
  let s: ListeningServer
  let auth: string
  const ct = 'Content-Type: application/json'
  beforeAll(async () => {
    s = await startListeningServer()
    auth = `Authorization: Bearer ${s.adminKey}`
  })
  afterAll(() => s[Symbol.asyncDispose]())

  it('Authorization and X-Request-Id as the 199th and 200th header lines are read', async () => {
    // Host, Connection, Content-Length, Content-Type, 194 junk lines, then these two: 200.
    const r = await send(s.url, [ct, ...tinyLines(194), auth, 'X-Request-Id: line-200'])
    expect(statuses(r.text)).toEqual([200])
    expect(firstHeader(r.text, 'x-request-id')).toBe('line-200')
  })

  it('201 header lines, or 3,000 (past Node\'s count cut-off), are 431 with a request id and an access-log line, the connection closed; the next request is 200', async () => {
    // Host, Connection, Content-Length, Content-Type, the junk, Authorization.
    for (const junk of [196, 3000]) {
      const from = s.logs.length
      const r = await send(s.url, [ct, ...tinyLines(junk), auth])
      expect(statuses(r.text)).toEqual([431])
      expect(firstHeader(r.text, 'x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
      expect(r.closed).toBe(true)
      expect(logsSince(s, from).filter((line) => line.message === 'request').map((line) => line.status)).toEqual([431])
    }
    expect(statuses((await send(s.url, [ct, auth])).text)).toEqual([200])
  })

  it('the size limit is exact: names and values (and the URL) counting 16,383 bytes are served, one byte more is 431', async () => {
    const others = [...baseLines(s.url, 17), ct, auth]
    const room = MAX_HEADER_BYTES - 1 - countedBytes('/api/catalog/', others)
    const fits = [ct, auth, `x: ${'y'.repeat(room - 1)}`]
    expect(countedBytes('/api/catalog/', [...baseLines(s.url, 17), ...fits])).toBe(MAX_HEADER_BYTES - 1)
    expect(statuses((await send(s.url, fits)).text)).toEqual([200])
    expect(statuses((await send(s.url, [ct, auth, `x: ${'y'.repeat(room)}`])).text)).toEqual([431])
  })

  it('the sign-in route (no credential) refuses the most header lines 16 KiB allows within 5x the time it takes to answer a plain request', async () => {
    const body = '{}'
    const timeOf = async (lines: string[], status: number) => {
      const times: number[] = []
      for (let i = 0; i < 15; i++) {
        const started = performance.now()
        expect(statuses((await send(s.url, [ct, ...lines], { body, path: '/auth/sign-in/email' })).text)).toEqual([status])
        times.push(performance.now() - started)
      }
      return times.sort((x, y) => x - y)[7]!
    }
    await timeOf([], 400)
    const plain = await timeOf([], 400)
    const crowded = await timeOf(tinyLines(16_000), 431)
    expect(crowded / plain).toBeLessThan(5)
  })

  it('431 past the 16 KiB limit, for one long line or 16,400 tiny ones: Node\'s own answer (no request id), no log line, the connection closed, the next request 200', async () => {
    const from = s.logs.length
    for (const lines of [[ct, `x-big: ${'y'.repeat(MAX_HEADER_BYTES)}`, auth], [ct, ...tinyLines(16_400), auth]]) {
      const r = await send(s.url, lines)
      expect(statuses(r.text)).toEqual([431])
      expect(firstHeader(r.text, 'x-request-id')).toBeUndefined()
      expect(r.closed).toBe(true)
    }
    expect(s.logs.slice(from)).toEqual([])
    expect(statuses((await send(s.url, [ct, auth])).text)).toEqual([200])
  })

  it('a hundred clients sending the most distinct header names 16 KiB allows and never finishing the body (sign-in) are each answered 431 and cut off at once', async () => {
    const path = '/auth/sign-in/email'
    const fixed = [`Host: ${new URL(s.url).host}`, ct, 'Content-Length: 1000']
    const most = distinctNamesFilling(path, fixed)
    expect(most.length).toBeGreaterThan(5000)
    const start = [`POST ${path} HTTP/1.1`, ...fixed, ...most].join('\r\n') + '\r\n\r\n{"email":'
    const answers = await Promise.all(Array.from({ length: 100 }, () => exchange(s.url, (socket) => socket.write(start), 5000)))
    expect(answers.map((r) => statuses(r.text))).toEqual(Array.from({ length: 100 }, () => [431]))
    expect(answers.every((r) => r.closed && r.ms < 4000)).toBe(true)
    expect(statuses((await send(s.url, [ct, auth])).text)).toEqual([200])
  })
})

describe('X-Forwarded-For behind a trusted proxy (CHECKPOST_TRUSTED_PROXIES=127.0.0.1) among many header lines', () => {
  let s: ListeningServer
  let walled: string
  beforeAll(async () => {
    process.env.CHECKPOST_TRUSTED_PROXIES = '127.0.0.1'
    try {
      s = await startListeningServer()
    } finally {
      delete process.env.CHECKPOST_TRUSTED_PROXIES
    }
    const created = await callJson(s, 'auth-applications', { createApplication: { name: 'walled', allowedIps: ['203.0.113.0/24'] } })
    walled = created.body.createApplication.secret
    await callJson(s, 'auth-applications', { setApplicationRoles: { applicationId: created.body.createApplication.id, roleIds: ['admin'] } })
  })
  afterAll(() => s[Symbol.asyncDispose]())

  const spoof = 'X-Forwarded-For: 203.0.113.9'
  const proxyAllowed = 'X-Forwarded-For: 203.0.113.9'
  const proxyOther = 'X-Forwarded-For: 198.51.100.1'
  const cases: [string, string[], number][] = [
    ['the proxy\'s line after 150 junk lines is read: an allowed client gets in', [...tinyLines(150), proxyAllowed], 200],
    ['spoof, 150 junk lines, proxy line: the proxy\'s hop wins', [spoof, ...tinyLines(150), proxyOther], 403],
    ['spoof, 3,800 junk lines, proxy line: refused whole, the spoof never read', [spoof, ...tinyLines(3800), proxyOther], 431],
    ['spoof, 15,000 empty junk lines (past the old 2,000-line cut-off many times over), proxy line', [spoof, ...tinyLines(15_000), proxyOther], 431],
    ['500 spoofed X-Forwarded-For lines, then the proxy line', [...Array.from({ length: 500 }, () => spoof), proxyOther], 431],
    ['190 spoofed X-Forwarded-For lines, then the proxy line', [...Array.from({ length: 190 }, () => spoof), proxyOther], 403],
    ['spoofs in every letter case spread among 150 junk lines, then the proxy line', ['x-forwarded-for: 203.0.113.9', ...tinyLines(75), 'X-FORWARDED-FOR: 203.0.113.9', ...tinyLines(75), 'X-Forwarded-For: 203.0.113.10', proxyOther], 403],
    ['spoof, then 30 hops that look like the trusted proxy, then the proxy line', [spoof, ...Array.from({ length: 30 }, () => 'X-Forwarded-For: 127.0.0.1'), proxyOther], 403],
    ['spoof, 30 trusted-looking hops in one line and the proxy\'s own hop', [`X-Forwarded-For: 203.0.113.9, ${Array.from({ length: 30 }, () => '127.0.0.1').join(', ')}`, proxyOther], 403],
    ['spoof hidden in an empty-looking last hop after 150 junk lines', [spoof, ...tinyLines(150), 'X-Forwarded-For: 198.51.100.1,'], 403],
  ]
  for (const [name, lines, status] of cases) {
    it(`${name}: ${status}`, async () => {
      const r = await send(s.url, ['Content-Type: application/json', `Authorization: Bearer ${walled}`, ...lines])
      expect(statuses(r.text)).toEqual([status])
    })
  }

  it('a client filling 200 lines so that the proxy\'s appended line is the 201st gets 431, never its spoofed address', async () => {
    // Host, Connection, Content-Length and these three: 6 lines, then 194 junk.
    const base = ['Content-Type: application/json', `Authorization: Bearer ${walled}`, spoof, ...tinyLines(194)]
    // Without the proxy's line it just fits (the spoof, then the last hop, is believed: the proxy must always append)...
    expect(statuses((await send(s.url, base)).text)).toEqual([200])
    // ...the proxy's line pushes it over: refused whole, nothing dropped.
    expect(statuses((await send(s.url, [...base, proxyOther])).text)).toEqual([431])
  })
})

describe('the start bundle (node apps/server/dist/main.js) has the same header-line limit', () => {
  const appDir = fileURLToPath(new URL('..', import.meta.url))
  let child: ChildProcess
  let url: string
  let dir: string
  beforeAll(async () => {
    if (!isBundleFresh(appDir)) await bundleApp(appDir)
    dir = mkdtempSync(join(tmpdir(), 'checkpost-headers-'))
    child = spawn(process.execPath, [bundlePaths(appDir).outfile], {
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', CHECKPOST_DATABASE_URL: `sqlite:${join(dir, 'checkpost.db')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout!.setEncoding('utf8').on('data', (text: string) => {
        out += text
        const listening = out.split('\n').find((line) => line.includes('"checkpost listening"'))
        if (listening) resolve((JSON.parse(listening) as { url: string }).url)
      })
      child.once('exit', (code) => reject(new Error(`bundle exited with ${code}: ${out}`)))
    })
  })
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it('X-Request-Id as the 200th header line is read (echoed); 201 lines are 431, as in the source build', async () => {
    // Host and Connection, 197 junk lines, then the id: 200.
    const r = await exchange(url, requestText(url, [...tinyLines(197), 'X-Request-Id: bundle-probe'], { method: 'GET', path: '/api/health' }))
    expect(statuses(r.text)).toEqual([200])
    expect(firstHeader(r.text, 'x-request-id')).toBe('bundle-probe')
    const over = await exchange(url, requestText(url, [...tinyLines(198), 'X-Request-Id: bundle-probe'], { method: 'GET', path: '/api/health' }))
    expect(statuses(over.text)).toEqual([431])
  })

  it('past 16 KiB of headers the bundle answers 431 and keeps serving', async () => {
    const r = await exchange(url, requestText(url, tinyLines(16_400), { method: 'GET', path: '/api/health' }))
    expect(statuses(r.text)).toEqual([431])
    expect(statuses((await exchange(url, requestText(url, [], { method: 'GET', path: '/api/health' }))).text)).toEqual([200])
  })
})
