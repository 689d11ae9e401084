import { toJsonBody, type TestHost, type TestResponse } from '@checkpost/testing'
import { ANSWER_WITHIN_MS } from './fuzz-settings.ts'
import { jsonErrorProblem, procedureErrorProblem } from './wire-shape.ts'

/** Which of the two endpoints a request went to. */
export type Endpoint = 'json' | 'procedure'

/** One fuzz request: who calls which procedure with what. */
export interface FuzzCall {
  readonly key: string
  readonly pluginId: string
  readonly name: string
  /** `undefined` = no input: `null` on the JSON endpoint, an empty body on the per-procedure one. */
  readonly input: unknown
}

/** Sends `body` (JSON text) to `/api/{path}`; fails when no answer comes within ANSWER_WITHIN_MS. */
export async function sendWithin(t: TestHost, path: string, call: { key: string; body: string }): Promise<TestResponse> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`POST /api/${path} gave no answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS)
  })
  try {
    return await Promise.race([t.call(path, call), hang])
  } finally {
    clearTimeout(timer)
  }
}

/** The JSON text a call sends to an endpoint. */
export function bodyOf(call: FuzzCall, endpoint: Endpoint): string {
  if (endpoint === 'procedure') return call.input === undefined ? '' : toJsonBody(call.input)
  return toJsonBody({ [call.name]: call.input === undefined ? null : call.input })
}

/** Sends one call to one endpoint. */
export function sendCall(t: TestHost, call: FuzzCall, endpoint: Endpoint): Promise<TestResponse> {
  const path = endpoint === 'json' ? `${call.pluginId}/` : `${call.pluginId}/${call.name}`
  return sendWithin(t, path, { key: call.key, body: bodyOf(call, endpoint) })
}

/**
 * What is wrong with an answer, or undefined: a 5xx (with the host's log
 * lines for that request, which name the cause), no X-Request-Id, an error
 * body off its endpoint's shape, or a JSON-endpoint success not keyed by the procedure.
 */
export function answerProblem(t: TestHost, response: TestResponse, call: { endpoint: Endpoint; names: readonly string[] }): string | undefined {
  const requestId = response.headers.get('x-request-id')
  if (response.status >= 500) {
    const logged = t.logs.filter((line) => requestId !== null && line.includes(requestId))
    return `status ${response.status} ${JSON.stringify(response.body)}; logged: ${logged.join('\n') || 'nothing'}`
  }
  if (!requestId) return 'no X-Request-Id header'
  if (response.status >= 400) {
    const problem = call.endpoint === 'json' ? jsonErrorProblem(response, call.names) : procedureErrorProblem(response)
    return problem === undefined ? undefined : `${response.status} ${JSON.stringify(response.body)}: ${problem}`
  }
  const missing = call.names.filter((name) => typeof response.body !== 'object' || response.body === null || !(name in response.body))
  if (call.endpoint === 'json' && missing.length > 0) {
    return `200 without the key(s) ${missing.join(', ')}: ${JSON.stringify(response.body).slice(0, 300)}`
  }
  return undefined
}
