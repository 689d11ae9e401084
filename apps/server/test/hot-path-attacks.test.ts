import type { Socket } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startListeningServer, type ListeningServer } from './listening-server.ts'
import { callJson, chunk, exchange, firstBody, firstHeader, send, statuses } from './support/raw-http.ts'

/**
 * Attacks on the per-request hot path (headers from Node's raw list, bodies read
 * by events, metadata output as a loose object), over real HTTP with raw sockets
 * so repeats, letter case and framing go out exactly as written.
 */

const LIMIT = 1024 * 1024

describe('hot path attacks: request headers', () => {
  let s: ListeningServer
  let auth: string
  const ct = 'Content-Type: application/json'
  beforeAll(async () => {
    s = await startListeningServer()
    auth = `Authorization: Bearer ${s.adminKey}`
  })
  afterAll(() => s[Symbol.asyncDispose]())

  it('accepts the header name in any letter case and the value padded with spaces and tabs', async () => {
    for (const line of [`AUTHORIZATION: Bearer ${s.adminKey}`, `aUtHoRiZaTiOn: Bearer ${s.adminKey}`, `Authorization: \t Bearer ${s.adminKey} \t`]) {
      expect(statuses((await send(s.url, [ct, line])).text)).toEqual([200])
    }
  })

  it('401 when an empty Authorization line is added before or after a valid one (joined, never picked alone)', async () => {
    for (const lines of [[auth, 'Authorization:'], ['Authorization:', auth], ['authorization: x', `AUTHORIZATION: Bearer ${s.adminKey}`]]) {
      const r = await send(s.url, [ct, ...lines])
      expect(statuses(r.text)).toEqual([401])
      expect(JSON.parse(firstBody(r.text))).toMatchObject({ code: 'UNAUTHORIZED' })
    }
  })

  it("400 from Node's parser for obs-fold, a space before the colon, and NUL: never reaches the host", async () => {
    const bad = [
      [ct, 'Authorization: Bearer', ` ${s.adminKey}`],
      [ct, 'Authorization: Bearer', `\t${s.adminKey}`],
      [ct, `Authorization : Bearer ${s.adminKey}`],
      [ct, `Authorization: Bearer ${s.adminKey}\0`],
      ['Content-Type: text/plain', ' application/json', auth],
    ]
    for (const lines of bad) {
      const r = await send(s.url, lines)
      expect(statuses(r.text)).toEqual([400])
      expect(firstHeader(r.text, 'x-request-id')).toBeUndefined()
    }
  })

  it('415 for two Content-Type lines (joined "application/json, application/json"); 200 for upper-case with a charset', async () => {
    expect(statuses((await send(s.url, [ct, ct, auth])).text)).toEqual([415])
    expect(statuses((await send(s.url, ['Content-Type: APPLICATION/JSON; Charset=UTF-8', auth])).text)).toEqual([200])
  })

  it('X-Request-Id: echoed only when safe (any name case); quotes, latin-1, empty and repeated ids get a fresh UUID', async () => {
    const ok = await send(s.url, [ct, auth, 'x-REQUEST-id: my.id-1'])
    expect(firstHeader(ok.text, 'x-request-id')).toBe('my.id-1')
    expect(s.logs.some((line) => JSON.parse(line).requestId === 'my.id-1')).toBe(true)
    for (const lines of [['X-Request-Id: abc" injected="1'], ['X-Request-Id: \xe9\xe9'], ['X-Request-Id:'], ['X-Request-Id: aaa', 'X-Request-Id: bbb']]) {
      const r = await send(s.url, [ct, auth, ...lines])
      expect(statuses(r.text)).toEqual([200])
      expect(firstHeader(r.text, 'x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    }
    expect(s.logs.filter((line) => /injected|"aaa|bbb"/.test(line))).toEqual([])
  })

  it('header lines: 200 are read (Authorization last: 200); 201 or more are 431 with the request id, never read with lines dropped', async () => {
    // Request line aside, send() sends Host, Connection, Content-Length, then these.
    expect(statuses((await send(s.url, [ct, ...Array.from({ length: 195 }, () => 'a: b'), auth])).text)).toEqual([200])
    for (const junk of [196, 2100]) {
      const r = await send(s.url, [ct, ...Array.from({ length: junk }, () => 'a: b'), auth])
      expect(statuses(r.text)).toEqual([431])
      expect(firstHeader(r.text, 'x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
      expect(r.closed).toBe(true)
    }
    expect(statuses((await send(s.url, [ct, ...Array.from({ length: 3000 }, (_, i) => `x${i}: a`), auth])).text)).toEqual([431])
  })

  it('no secret in any log line after all of the above', () => {
    expect(s.logs.filter((line) => line.includes(s.adminKey.slice(-20)))).toEqual([])
  })
})

describe('hot path attacks: X-Forwarded-For / X-Forwarded-Proto', () => {
  for (const trusted of [undefined, '127.0.0.1']) {
    describe(`CHECKPOST_TRUSTED_PROXIES=${trusted ?? '(unset)'}`, () => {
      let s: ListeningServer
      let walled: string
      beforeAll(async () => {
        if (trusted) process.env.CHECKPOST_TRUSTED_PROXIES = trusted
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

      const cases: [string, string[], number, number][] = [
        // name, X-Forwarded-For lines, status untrusted, status trusted
        ['no header', [], 403, 403],
        ['allowed address', ['X-Forwarded-For: 203.0.113.9'], 403, 200],
        ['allowed address, upper-case name', ['X-FORWARDED-FOR: 203.0.113.9'], 403, 200],
        ['other address', ['X-Forwarded-For: 198.51.100.1'], 403, 403],
        // A client's spoofed line first, the proxy's appended line last: joined, the rightmost hop wins.
        ['spoofed line then proxy line', ['X-Forwarded-For: 203.0.113.9', 'X-Forwarded-For: 198.51.100.1'], 403, 403],
        ['spoofed line then proxy line, names in other case', ['x-forwarded-for: 203.0.113.9', 'X-Forwarded-For: 198.51.100.1'], 403, 403],
        ['spoof, 150 junk lines, proxy line', ['X-Forwarded-For: 203.0.113.9', ...Array.from({ length: 150 }, (_, i) => `x${i}: a`), 'X-Forwarded-For: 198.51.100.1'], 403, 403],
        // Past Node's count limit (2,000 header lines by default) the rest was dropped silently and the spoofed line read: now 431.
        ['spoof, 2,100 short junk lines, proxy line', ['X-Forwarded-For: 203.0.113.9', ...Array.from({ length: 2100 }, () => 'a: b'), 'X-Forwarded-For: 198.51.100.1'], 431, 431],
        ['empty last line', ['X-Forwarded-For: 203.0.113.9', 'X-Forwarded-For:'], 403, 403],
        ['garbage last hop', ['X-Forwarded-For: 203.0.113.9, garbage'], 403, 403],
      ]
      for (const [name, lines, untrustedStatus, trustedStatus] of cases) {
        it(`${name}: ${trusted ? trustedStatus : untrustedStatus}`, async () => {
          const r = await send(s.url, ['Content-Type: application/json', `Authorization: Bearer ${walled}`, ...lines])
          expect(statuses(r.text)).toEqual([trusted ? trustedStatus : untrustedStatus])
        })
      }

      it(`X-Forwarded-Proto https ${trusted ? 'makes' : 'does not make'} the session cookie Secure (any name case, last value of a repeat)`, async () => {
        await callJson(s, 'auth-users', { createUser: { email: 'p@example.com', name: 'P', password: 'correct horse battery', roleIds: [] } })
        const body = JSON.stringify({ email: 'p@example.com', password: 'correct horse battery' })
        for (const lines of [['X-FORWARDED-PROTO: https'], ['X-Forwarded-Proto: http', 'x-forwarded-proto: https']]) {
          const r = await send(s.url, ['Content-Type: application/json', ...lines], { body, path: '/auth/sign-in/email' })
          expect(statuses(r.text)).toEqual([200])
          expect(/; Secure/i.test(firstHeader(r.text, 'set-cookie') ?? '')).toBe(trusted !== undefined)
        }
      })
    })
  }
})

describe('hot path attacks: session cookie and Origin', () => {
  let s: ListeningServer
  let cookie: string
  let host: string
  beforeAll(async () => {
    s = await startListeningServer()
    host = new URL(s.url).host
    await callJson(s, 'auth-users', { createUser: { email: 'a@example.com', name: 'A', password: 'correct horse battery', roleIds: ['admin'] } })
    const signIn = await fetch(`${s.url}/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.com', password: 'correct horse battery' }) })
    cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!
  })
  afterAll(() => s[Symbol.asyncDispose]())

  const create = (lines: string[]) => send(s.url, ['Content-Type: application/json', ...lines], { body: '{"createSystem":{"name":"csrf"}}' })

  it('a cookie works with no Origin, its own Origin, a second Cookie line, or COOKIE in upper case', async () => {
    for (const lines of [[`Cookie: ${cookie}`], [`Cookie: ${cookie}`, `Origin: http://${host}`], ['Cookie: a=b', `Cookie: ${cookie}`], [`COOKIE: ${cookie}`]]) {
      expect(statuses((await create(lines)).text)).toEqual([200])
    }
  })

  it('403 for a foreign Origin, alone or repeated beside the right one, or an empty second Origin, or a Host forged to match', async () => {
    const good = `Origin: http://${host}`
    const evil = 'Origin: http://evil.example'
    for (const lines of [[evil], [evil, good], [good, evil], [good, 'Origin:'], [evil, 'Host: evil.example']]) {
      const r = await create([`Cookie: ${cookie}`, ...lines])
      expect(statuses(r.text)).toEqual([403])
      expect(JSON.parse(firstBody(r.text))).toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(s.logs.filter((line) => line.includes(cookie.slice(-20)))).toEqual([])
  })
})

describe('hot path attacks: request bodies', () => {
  let s: ListeningServer
  let head: (extra: string[]) => string
  let good: string
  beforeAll(async () => {
    s = await startListeningServer()
    const host = new URL(s.url).host
    head = (extra) => [`POST /api/catalog/ HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json', `Authorization: Bearer ${s.adminKey}`, ...extra].join('\r\n') + '\r\n\r\n'
    good = head(['Content-Length: 17', 'Connection: close']) + '{"getSystems":{}}'
  })
  afterAll(() => s[Symbol.asyncDispose]())

  const chunked = (body: string) => {
    const pieces: string[] = []
    for (let i = 0; i < body.length; i += 65536) pieces.push(chunk(body.slice(i, i + 65536)))
    return pieces.join('') + '0\r\n\r\n'
  }

  it('chunked: exactly 1 MiB is 200, one byte more is 413', async () => {
    const exact = '{"getSystems":{}' + ' '.repeat(LIMIT - 17) + '}'
    expect(statuses((await exchange(s.url, head(['Transfer-Encoding: chunked', 'Connection: close']) + chunked(exact))).text)).toEqual([200])
    const over = await exchange(s.url, head(['Transfer-Encoding: chunked', 'Connection: close']) + chunked(exact + ' '))
    expect(statuses(over.text)).toEqual([413])
    expect(JSON.parse(firstBody(over.text))).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Body exceeds the limit of 1048576 bytes' })
  })

  it('a UTF-8 character split across two chunks is read whole; invalid UTF-8 is 400', async () => {
    const euro = Buffer.from('€')
    const pieces = [Buffer.from('{"createSystem":{"name":"'), euro.subarray(0, 1), euro.subarray(1), Buffer.from('"}}')]
    const r = await exchange(s.url, (socket) => {
      socket.write(head(['Transfer-Encoding: chunked', 'Connection: close']))
      for (const piece of pieces) socket.write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]))
      socket.write('0\r\n\r\n')
    })
    expect(statuses(r.text)).toEqual([200])
    expect(firstBody(r.text)).toContain('"name":"€"')
    const bad = await exchange(s.url, (socket) => {
      socket.write(head(['Content-Length: 22', 'Connection: close']))
      socket.write(Buffer.concat([Buffer.from('{"getSystems":{},"x":"'), Buffer.from([0xff])]).subarray(0, 22))
    })
    expect(statuses(bad.text)).toEqual([400])
  })

  it('pipelined on one keep-alive connection: a chunked body over the limit is 413, the next request still 200', async () => {
    const r = await exchange(s.url, head(['Transfer-Encoding: chunked']) + chunk('x'.repeat(LIMIT + 10)) + '0\r\n\r\n' + good)
    expect(statuses(r.text)).toEqual([413, 200])
  })

  it('pipelined: a Content-Length over the limit is 413 before reading, the next request still 200', async () => {
    const big = 'x'.repeat(LIMIT + 10)
    const r = await exchange(s.url, head([`Content-Length: ${big.length}`]) + big + good)
    expect(statuses(r.text)).toEqual([413, 200])
  })

  it('a request hidden in the unread rest of a refused body is never run (no smuggling through the drain)', async () => {
    const host = new URL(s.url).host
    const hidden = `\r\n\r\nPOST /api/catalog/ HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${s.adminKey}\r\nContent-Length: 39\r\n\r\n{"createSystem":{"name":"smuggled-xyz"}}`
    const chunkedSmuggle = head(['Transfer-Encoding: chunked']) + chunk('x'.repeat(LIMIT + 10)) + chunk(hidden) + '0\r\n\r\n' + good
    expect(statuses((await exchange(s.url, chunkedSmuggle)).text)).toEqual([413, 200])
    const lengthSmuggle = 'x'.repeat(LIMIT) + hidden
    expect(statuses((await exchange(s.url, head([`Content-Length: ${Buffer.byteLength(lengthSmuggle)}`]) + lengthSmuggle + good)).text)).toEqual([413, 200])
    const systems = await callJson(s, 'catalog', { getSystems: {} })
    expect(systems.body.getSystems.systems.map((x: { name: string }) => x.name)).not.toContain('smuggled-xyz')
  })

  it('after a 413 the server stops waiting for the rest: a trickling client is cut off within about a second', async () => {
    const r = await exchange(
      s.url,
      (socket) => {
        socket.write(head(['Transfer-Encoding: chunked']) + chunk('x'.repeat(LIMIT + 10)))
        const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(chunk('y'.repeat(100)))), 50)
      },
      5000,
    )
    expect(statuses(r.text)).toEqual([413])
    expect(r.closed).toBe(true)
    expect(r.ms).toBeLessThan(2000)
  })

  it('after a 413 a client flooding 100 MiB more is cut off, not read to the end', async () => {
    const r = await exchange(
      s.url,
      (socket) => {
        socket.write(head(['Transfer-Encoding: chunked']) + chunk('x'.repeat(LIMIT + 10)))
        const mib = chunk('z'.repeat(LIMIT))
        let sent = 0
        const pump = () => {
          while (!socket.destroyed && sent < 100) {
            sent++
            if (!socket.write(mib)) return void socket.once('drain', pump)
          }
        }
        pump()
      },
      10_000,
    )
    expect(statuses(r.text)).toEqual([413])
    expect(r.closed).toBe(true)
    expect(r.ms).toBeLessThan(3000)
  })

  it('Content-Length lies: shorter than the body is 400 (the rest is a bad next request); longer then half-close is 400; no hang', async () => {
    const short = await exchange(s.url, head(['Content-Length: 10']) + '{"getSystems":{}}' + good)
    expect(statuses(short.text)[0]).toBe(400)
    expect(short.closed).toBe(true)
    const long = await exchange(s.url, (socket) => {
      socket.write(head(['Content-Length: 1000']) + '{"getSystems":{}}')
      setTimeout(() => socket.end(), 200)
    })
    expect(statuses(long.text)).toEqual([400])
    expect(long.closed).toBe(true)
  })

  it('clients aborting mid-body (Content-Length or chunked, before or after the limit) crash nothing; the next request is 200; no secret logged', async () => {
    const aborts: ((socket: Socket) => void)[] = [
      (socket) => socket.write(head(['Content-Length: 1000']) + '{"getSystems":{}}'),
      (socket) => socket.write(head(['Transfer-Encoding: chunked']) + chunk('x'.repeat(500_000))),
      (socket) => socket.write(head(['Transfer-Encoding: chunked']) + chunk('x'.repeat(LIMIT + 10))),
      (socket) => socket.write(head([])), // headers only, chunked/length undecided: no body at all
    ]
    for (const start of aborts) {
      await exchange(s.url, (socket) => {
        start(socket)
        setTimeout(() => socket.destroy(), 100)
      })
    }
    expect(statuses((await exchange(s.url, good)).text)).toEqual([200])
    expect(s.logs.filter((line) => line.includes(s.adminKey.slice(-20)))).toEqual([])
  })

  it('a client closing mid-body is an access-log 400, never an error line with a stack', async () => {
    const from = s.logs.length
    await exchange(s.url, (socket) => {
      socket.write(head(['Content-Length: 1000', 'X-Request-Id: abort-mid-body']) + '{"getSystems":{}}')
      setTimeout(() => socket.destroy(), 100)
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    const lines = s.logs.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.filter((line) => line.level === 'error')).toEqual([])
    expect(lines.find((line) => line.requestId === 'abort-mid-body' && line.message === 'request')).toMatchObject({ status: 400 })
  })

  it('no memory kept per refused or aborted body (200 x 413 over 1 MiB, 100 aborts)', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    gc()
    const before = process.memoryUsage().heapUsed
    const body = head(['Transfer-Encoding: chunked', 'Connection: close']) + chunk('x'.repeat(LIMIT + 10)) + '0\r\n\r\n'
    for (let i = 0; i < 200; i++) expect(statuses((await exchange(s.url, body)).text)).toEqual([413])
    for (let i = 0; i < 100; i++) {
      await exchange(s.url, (socket) => {
        socket.write(head(['Transfer-Encoding: chunked']) + chunk('x'.repeat(300_000)))
        setTimeout(() => socket.destroy(), 5)
      })
    }
    await new Promise((resolve) => setTimeout(resolve, 700)) // past the 500 ms drain bound
    gc()
    const grownMiB = (process.memoryUsage().heapUsed - before) / LIMIT
    expect(grownMiB).toBeLessThan(50) // 200 kept bodies alone would be over 200 MiB
    expect(statuses((await exchange(s.url, good)).text)).toEqual([200])
  })
})

describe('hot path attacks: system metadata output', () => {
  let s: ListeningServer
  beforeAll(async () => {
    s = await startListeningServer()
  })
  afterAll(() => s[Symbol.asyncDispose]())

  const roundTrip = async (metadata: string) => {
    const r = await send(s.url, ['Content-Type: application/json', `Authorization: Bearer ${s.adminKey}`], { body: `{"createSystem":{"name":"m","metadata":${metadata}}}` })
    expect(statuses(r.text)).toEqual([200])
    const created = JSON.parse(firstBody(r.text)).createSystem
    const batch = await callJson(s, 'catalog', { getSystem: { systemId: created.id } })
    const single = await fetch(`${s.url}/api/catalog/getSystem`, { method: 'POST', headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ systemId: created.id }) })
    expect(single.status).toBe(200)
    const listed = (await callJson(s, 'catalog', { getSystems: {} })).body.getSystems.systems.find((x: { id: string }) => x.id === created.id)
    return { created: created.metadata, batch: batch.body.getSystem.metadata, single: ((await single.json()) as { metadata: unknown }).metadata, listed: listed.metadata }
  }

  it('keys named like Object.prototype members and nested __proto__ keys come back as sent', async () => {
    for (const metadata of ['{"constructor":{"prototype":{"x":1}},"toString":"s","hasOwnProperty":1,"valueOf":null}', '{"nested":{"__proto__":{"a":1},"b":[1,{"__proto__":2}]}}', '{"":"empty key","é":"😀"}']) {
      const got = await roundTrip(metadata)
      const expected = JSON.parse(metadata)
      expect(got).toEqual({ created: expected, batch: expected, single: expected, listed: expected })
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('a top-level "__proto__" metadata key is refused with 400 on create and update, naming the key; nothing is stored', async () => {
    const headers = ['Content-Type: application/json', `Authorization: Bearer ${s.adminKey}`]
    const create = await send(s.url, headers, { body: '{"createSystem":{"name":"proto-top","metadata":{"__proto__":{"polluted":true},"a":1}}}' })
    expect(statuses(create.text)).toEqual([400])
    expect(JSON.parse(firstBody(create.text))).toMatchObject({ code: 'BAD_REQUEST', procedure: 'createSystem', issues: [{ path: 'metadata.__proto__', message: 'must not have the key "__proto__"' }] })
    const systems = (await callJson(s, 'catalog', { getSystems: {} })).body.getSystems.systems as { id: string; name: string }[]
    expect(systems.map((x) => x.name)).not.toContain('proto-top')
    const target = (await callJson(s, 'catalog', { createSystem: { name: 'proto-update', metadata: { kept: true } } })).body.createSystem as { id: string }
    const update = await send(s.url, headers, { body: `{"updateSystem":{"systemId":"${target.id}","metadata":{"__proto__":{"polluted":true}}}}` })
    expect(statuses(update.text)).toEqual([400])
    expect((await callJson(s, 'catalog', { getSystem: { systemId: target.id } })).body.getSystem.metadata).toEqual({ kept: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('OpenAPI: System.metadata is any JSON object', async () => {
    const doc = JSON.stringify(await (await fetch(`${s.url}/api/openapi.json`)).json())
    const at = doc.indexOf('"metadata":', doc.indexOf('"createdAt"') - 200)
    expect(doc.slice(at, at + 120)).toMatch(/^"metadata":\{"type":"object",("propertyNames":\{"type":"string"\},)?"additionalProperties":\{\}\}/)
  })
})
