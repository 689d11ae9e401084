import { describe, expect, it } from 'vitest'
import { startListeningServer } from './listening-server.ts'
import { firstBody, send, statuses } from './support/raw-http.ts'

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
    const json = 'Content-Type: application/json'
    const single = await send(s.url, [json, `Authorization: Bearer ${s.adminKey}`])
    expect(statuses(single.text)).toEqual([200])
    const twice = await send(s.url, [json, `Authorization: Bearer ${s.adminKey}`, `Authorization: Bearer ${s.adminKey}`])
    expect(statuses(twice.text)).toEqual([401])
    expect(JSON.parse(firstBody(twice.text))).toMatchObject({ code: 'UNAUTHORIZED' })
  })
})
