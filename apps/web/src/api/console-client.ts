import { createORPCClient } from '@orpc/client'
import type { StandardLazyResponse } from '@orpc/standard-server'
import type { AnyContractRouter, ContractRouterClient } from '@orpc/contract'
import { OpenAPILink } from '@orpc/openapi-client/fetch'
import { toServerError } from './server-error.ts'

/**
 * A client typed from a plugin's contract package, calling
 * `POST /api/{pluginId}/{procedure}` with the session cookie. A failed call
 * rejects with a ServerError carrying the response's X-Request-Id.
 */
export function createConsoleClient<C extends AnyContractRouter>(contract: C, pluginId: string): ContractRouterClient<C> {
  const link = new OpenAPILink(contract, {
    url: `${window.location.origin}/api/${pluginId}`,
    fetch: (request, init) => fetch(request, { ...init, credentials: 'same-origin' }),
    clientInterceptors: [rejectErrorAnswers],
  })
  return createORPCClient(link)
}

async function rejectErrorAnswers({ next }: { next: () => Promise<StandardLazyResponse> }): Promise<StandardLazyResponse> {
  const response = await next()
  if (response.status < 400) return response
  const body = await response.body().catch(() => undefined)
  const requestId = response.headers['x-request-id']
  throw toServerError(response.status, body, typeof requestId === 'string' ? requestId : undefined)
}
