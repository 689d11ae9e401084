import { TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { createUsersHost, PASSWORD, seedUser } from './users-kit.ts'

const CHUNK = new Uint8Array(64 * 1024).fill(0x20)

/** A body that streams `total` bytes of spaces, counting what the server pulled. */
function countingBody(total: number) {
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close()
      pulled += CHUNK.byteLength
      controller.enqueue(CHUNK)
    },
  })
  return { stream, pulled: () => pulled }
}

const signInRequest = (body: ReadableStream<Uint8Array> | Uint8Array | string, headers: Record<string, string> = {}) =>
  new Request('http://checkpost.test/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'checkpost.test', ...headers },
    body,
    duplex: 'half',
  } as RequestInit)

for (const { engine, skip } of TEST_ENGINES) {
  describe.skipIf(skip)(`hostile bodies on /auth routes (${engine})`, () => {
    it('stops reading an oversized unauthenticated sign-in body early and answers 413 (no 64 MiB buffered)', async () => {
      await using t = await createUsersHost(engine)
      const body = countingBody(64 * 1024 * 1024)
      const response = await t.host.app.request(signInRequest(body.stream))
      expect(response.status).toBe(413)
      expect(body.pulled()).toBeLessThan(1024 * 1024)
    })

    it('answers a sign-in body that is not valid UTF-8 with 400, as the API endpoints do', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const bytes = Buffer.concat([Buffer.from(`{"email":"ada@example.com","password":"${PASSWORD}`), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])
      const response = await t.host.app.request(signInRequest(bytes))
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST' })
    })

    it('answers a sign-in form post (text/plain) with 415 and sets no cookie', async () => {
      await using t = await createUsersHost(engine)
      await seedUser(t, 'ada@example.com')
      const response = await t.host.app.request(signInRequest(JSON.stringify({ email: 'ada@example.com', password: PASSWORD }), { 'content-type': 'text/plain' }))
      expect(response.status).toBe(415)
      expect(response.headers.getSetCookie()).toEqual([])
    })
  })
}
