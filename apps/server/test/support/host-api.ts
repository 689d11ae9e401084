/** A JSON-endpoint answer: HTTP status and parsed body. */
export interface ApiAnswer {
  readonly status: number
  readonly body: any
}

/**
 * POSTs `body` to `{url}/api/{pluginId}/` (the JSON endpoint) with a bearer key.
 * @example const { status, body } = await callApi(a.url, { key, plugin: 'catalog', body: { getSystems: {} } })
 */
export async function callApi(url: string, request: { key: string; plugin: string; body: unknown }): Promise<ApiAnswer> {
  const response = await fetch(`${url}/api/${request.plugin}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${request.key}` },
    body: JSON.stringify(request.body),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
}

/** Like `callApi`, but throws unless the answer is 200; returns the body. */
export async function callOk(url: string, request: { key: string; plugin: string; body: unknown }): Promise<any> {
  const answer = await callApi(url, request)
  if (answer.status !== 200) {
    throw new Error(`expected 200 from ${request.plugin} ${JSON.stringify(request.body)}, got ${answer.status} ${JSON.stringify(answer.body)}`)
  }
  return answer.body
}
