import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startListeningServer } from './listening-server.ts'

/** A body sent chunked (no Content-Length), `count` chunks of `size` bytes of `fill`. */
function chunkedBody(count: number, chunk: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(chunk)
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent++ < count) controller.enqueue(bytes)
      else controller.close()
    },
  })
}

/** Raw HTTP/1.1 over a socket, so header lines (repeats included) go out exactly as written. */
function rawPost(url: string, headerLines: readonly string[], body: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (text += chunk))
    socket.on('error', reject)
    socket.on('end', () => resolve({ status: Number(text.slice(9, 12)), body: text.slice(text.indexOf('\r\n\r\n') + 4) }))
    const head = [`POST /api/catalog/ HTTP/1.1`, `Host: ${hostname}`, 'Connection: close', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, ...headerLines]
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`)
  })
}

describe('request bodies over real HTTP', () => {
  it('413 PAYLOAD_TOO_LARGE for a chunked body past 1 MiB, and the server keeps serving', async () => {
    await using s = await startListeningServer()
    const headers = { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' }
    const tooLarge = await fetch(`${s.url}/api/catalog/`, { method: 'POST', headers, body: chunkedBody(300, 'x'.repeat(4096)), duplex: 'half' } as RequestInit)
    expect(tooLarge.status).toBe(413)
    expect(await tooLarge.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Body exceeds the limit of 1048576 bytes' })
    const after = await fetch(`${s.url}/api/catalog/`, { method: 'POST', headers, body: '{"getSystems": {}}' })
    expect(after.status).toBe(200)
  })

  it('reads a chunked body that arrives in many pieces as one batch', async () => {
    await using s = await startListeningServer()
    const headers = { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' }
    // 200 pieces of padding whitespace, then the batch: valid JSON only once whole.
    const pieces = new TextEncoder()
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent < 200) controller.enqueue(pieces.encode(sent++ === 0 ? '{"createSystem": {"name": "pieces"}' : ' '))
        else if (sent++ === 200) controller.enqueue(pieces.encode('}'))
        else controller.close()
      },
    })
    const response = await fetch(`${s.url}/api/catalog/`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { createSystem: { name: string } }).createSystem.name).toBe('pieces')
  })

  it('401 for two Authorization headers, even when the first alone is a valid key', async () => {
    await using s = await startListeningServer()
    const single = await rawPost(s.url, [`Authorization: Bearer ${s.adminKey}`], '{"getSystems": {}}')
    expect(single.status).toBe(200)
    const twice = await rawPost(s.url, [`Authorization: Bearer ${s.adminKey}`, `Authorization: Bearer ${s.adminKey}`], '{"getSystems": {}}')
    expect(twice.status).toBe(401)
    expect(JSON.parse(twice.body)).toMatchObject({ code: 'UNAUTHORIZED' })
  })
})
