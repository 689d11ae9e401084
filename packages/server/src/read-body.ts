import { Readable } from 'node:stream'
import { nodeIncomingOf } from './node-incoming.ts'
import { WireError, wireError } from './wire-error.ts'

const decoder = new TextDecoder('utf-8', { fatal: true })

/** A body to read: its declared length and its bytes as they arrive. */
export interface BodySource {
  readonly contentLength: string | undefined
  /** Node's request stream, or a fetch body; null for none. */
  readonly chunks: Readable | AsyncIterable<Uint8Array> | null
}

/**
 * Where a request's body comes from. Under @hono/node-server it is read from
 * Node's IncomingMessage directly: going through `c.req.raw` would build a
 * full fetch Request (and an AbortSignal) per request just to read it.
 */
export function bodySourceOf(request: Request, env: unknown): BodySource {
  const incoming = nodeIncomingOf(env)
  if (incoming) return { contentLength: incoming.headers['content-length'], chunks: incoming }
  return { contentLength: request.headers.get('content-length') ?? undefined, chunks: request.body }
}

/**
 * Reads a body as UTF-8 text, refusing (413) as soon as it passes `maxBytes` —
 * by Content-Length up front, or while streaming when it lies or is absent.
 */
export async function readBodyText(source: BodySource, maxBytes: number): Promise<string> {
  if (Number(source.contentLength ?? NaN) > maxBytes) throw tooLarge(maxBytes)
  if (!source.chunks) return ''
  const chunks = source.chunks instanceof Readable ? await collectReadable(source.chunks, maxBytes) : await collectIterable(source.chunks, maxBytes)
  try {
    return decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))
  } catch {
    throw wireError('BAD_REQUEST', 'Body is not valid UTF-8')
  }
}

async function collectIterable(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for await (const chunk of body) {
      total += chunk.byteLength
      // Leaving the loop early closes the stream; the rest of the body is not read.
      if (total > maxBytes) throw tooLarge(maxBytes)
      chunks.push(chunk)
    }
  } catch (error) {
    // A fetch body errors when the client hangs up mid-body, as a Node stream does.
    throw error instanceof WireError ? error : cutShort()
  }
  return chunks
}

/**
 * A Node stream's chunks, read by its events: `for await` over a Readable
 * costs an async iterator and a promise per chunk (about 2 % of a small
 * request's CPU in the bench's profile). Past `maxBytes` reading stops and the
 * stream is paused: the answer (413) goes out first, then @hono/node-server
 * drains the rest (bounded in bytes and time) or closes the connection.
 */
function collectReadable(stream: Readable, maxBytes: number): Promise<Uint8Array[]> {
  // Events already past would never fire again: answer at once instead of waiting forever.
  if (stream.readableEnded) return Promise.resolve([])
  if (stream.destroyed) return Promise.reject(cutShort())
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    let total = 0
    const settle = (error: Error | undefined) => {
      stream.off('data', onData).off('end', onEnd).off('error', onCutShort).off('close', onCutShort)
      if (error) reject(error)
      else resolve(chunks)
    }
    const onData = (chunk: Uint8Array) => {
      total += chunk.byteLength
      chunks.push(chunk)
      if (total <= maxBytes) return
      stream.pause()
      settle(tooLarge(maxBytes))
    }
    const onEnd = () => settle(undefined)
    // An error or a close before the end: the client closed the connection mid-body
    // (Node's "aborted"), its request, not our fault, so a 400 in the access log
    // rather than an error with a stack.
    const onCutShort = () => settle(cutShort())
    stream.on('data', onData).on('end', onEnd).on('error', onCutShort).on('close', onCutShort)
  })
}

function cutShort() {
  return wireError('BAD_REQUEST', 'Body ended before it was complete: the connection closed')
}

function tooLarge(maxBytes: number) {
  return wireError('PAYLOAD_TOO_LARGE', `Body exceeds the limit of ${maxBytes} bytes`)
}

/** True for `application/json` and `application/*+json`, any parameters. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false
  const type = value.split(';', 1)[0]!.trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}
