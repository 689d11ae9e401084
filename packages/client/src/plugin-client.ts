import type { AnyContractRouter, ContractRouterClient } from '@orpc/contract'
import { createORPCClient } from '@orpc/client'
import { OpenAPILink } from '@orpc/openapi-client/fetch'

export interface PluginClientOptions {
  /** Where the host listens, e.g. `http://localhost:3000`. */
  readonly baseUrl: string
  readonly pluginId: string
  /** The full key, `ck_{applicationId}_{secret}`. */
  readonly key: string
  /** A fetch implementation (default: the global one). */
  readonly fetch?: typeof fetch
}

/**
 * A client typed from a plugin's contract package, calling
 * `POST /api/{pluginId}/{procedure}` one procedure at a time.
 * @example
 * const catalog = createPluginClient(catalogContract, { baseUrl, pluginId: 'catalog', key })
 * const { systems } = await catalog.getSystems({})
 */
export function createPluginClient<C extends AnyContractRouter>(contract: C, options: PluginClientOptions): ContractRouterClient<C> {
  const link = new OpenAPILink(contract, {
    url: `${options.baseUrl.replace(/\/+$/, '')}/api/${options.pluginId}`,
    headers: { authorization: `Bearer ${options.key}` },
    fetch: options.fetch,
  })
  return createORPCClient(link)
}
