import { wireError } from './wire-error.ts'

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a request body as UTF-8 text, refusing (413) as soon as it passes
 * `maxBytes` — by Content-Length up front, or while streaming when it lies or is absent.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) throw tooLarge(maxBytes)
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
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
