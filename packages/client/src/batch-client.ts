import type { ErrorBody } from '@checkpost/contract'
import type { AnyContractRouter, InferContractRouterInputs, InferContractRouterOutputs } from '@orpc/contract'
import { CheckpostClientError } from './client-error.ts'

/** Plugin ids mapped to their contract types, e.g. `{ catalog: typeof catalogContract }`. */
export type ContractMap = Record<string, AnyContractRouter>

type Inputs<C extends AnyContractRouter> = InferContractRouterInputs<C> & Record<string, unknown>
type Outputs<C extends AnyContractRouter> = InferContractRouterOutputs<C> & Record<string, unknown>

/** Procedure names of one plugin mapped to their inputs (`null` = no input). */
export type BatchCalls<C extends AnyContractRouter> = { [K in keyof Inputs<C>]?: Inputs<C>[K] | null }
/** The results of a batch, keyed like its calls. */
export type BatchResults<C extends AnyContractRouter, Calls> = {
  [K in keyof Calls & keyof Outputs<C>]: Outputs<C>[K]
}

export interface BatchClientOptions {
  readonly baseUrl: string
  readonly key: string
  readonly fetch?: typeof fetch
}

/**
 * A typed helper for the JSON endpoint: one request, several procedures of one
 * plugin, all-or-nothing on the server.
 * @example
 * const batch = createBatchClient<{ catalog: CatalogContract }>({ baseUrl, key })
 * const { getSystems, getGroups } = await batch('catalog', { getSystems: {}, getGroups: {} })
 */
export function createBatchClient<M extends ContractMap>(options: BatchClientOptions) {
  const doFetch = options.fetch ?? fetch
  const base = options.baseUrl.replace(/\/+$/, '')
  return async function batch<P extends keyof M & string, Calls extends BatchCalls<M[P]>>(
    pluginId: P,
    calls: Calls,
  ): Promise<BatchResults<M[P], Calls>> {
    const response = await doFetch(`${base}/api/${pluginId}/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(calls),
    })
    const body: unknown = await response.json()
    if (!response.ok) {
      throw new CheckpostClientError(response.status, body as ErrorBody, response.headers.get('x-request-id') ?? undefined)
    }
    return body as BatchResults<M[P], Calls>
  }
}
