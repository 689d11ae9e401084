import type { IncomingMessage } from 'node:http'
import { wireError } from './wire-error.ts'

const decoder = new TextDecoder('utf-8', { fatal: true })

/** A body to read: its declared length and its bytes as they arrive. */
export interface BodySource {
  readonly contentLength: string | undefined
  readonly chunks: AsyncIterable<Uint8Array> | null
}

/**
 * Where a request's body comes from. Under @hono/node-server it is read from
 * Node's IncomingMessage directly: going through `c.req.raw` would build a
 * full fetch Request (and an AbortSignal) per request just to read it.
 */
export function bodySourceOf(request: Request, env: unknown): BodySource {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming
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
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of source.chunks) {
    total += chunk.byteLength
    // Leaving the loop early closes the stream; the rest of the body is not read.
    if (total > maxBytes) throw tooLarge(maxBytes)
    chunks.push(chunk)
  }
  try {
    return decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))
  } catch {
    throw wireError('BAD_REQUEST', 'Body is not valid UTF-8')
  }
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
