import type { Context, Hono } from 'hono'
import { requestIdOf } from '../host-routes.ts'
import type { Logger } from '../logger.ts'
import type { PluginDefinition } from '../plugin.ts'
import { API_DOCS_HTML, API_DOCS_INIT_JS, API_DOCS_PATH, DOCS_INIT_PATH, loadScalarScript, SCALAR_SCRIPT_PATH } from './api-docs.ts'

/** What the OpenAPI routes need from the host. */
export interface OpenApiRoutesOptions {
  readonly plugins: readonly PluginDefinition[]
  readonly maxBatchKeys: number
  readonly logger: Logger
}

/** The path of the generated document. */
export const OPENAPI_PATH = '/api/openapi.json'

/**
 * Serves, without auth, `GET /api/openapi.json` (generated from the contracts
 * once, on first request) and the reference page `GET /api/docs` with its local assets.
 */
export function mountOpenApiRoutes(app: Hono, options: OpenApiRoutesOptions): void {
  let document: Promise<string> | undefined
  // Generated on first request and kept: start-up pays nothing (not even the generator's import).
  const load = () =>
    (document ??= import('./openapi-document.ts')
      .then(({ createOpenApiDocument }) => createOpenApiDocument(options.plugins, { maxBatchKeys: options.maxBatchKeys }))
      .then((value) => JSON.stringify(value))
      .catch((error: unknown) => {
        options.logger.error('OpenAPI document generation failed', { error })
        document = undefined
        throw error
      }))

  const JS = 'text/javascript; charset=utf-8'
  app.get(OPENAPI_PATH, async function openApiDocument(c: Context) {
    return c.body(await load(), 200, headersFor(c, 'application/json; charset=utf-8'))
  })
  app.get(API_DOCS_PATH, (c) => c.body(API_DOCS_HTML, 200, headersFor(c, 'text/html; charset=utf-8')))
  app.get(DOCS_INIT_PATH, (c) => c.body(API_DOCS_INIT_JS, 200, headersFor(c, JS)))
  app.get(SCALAR_SCRIPT_PATH, async function scalarScript(c: Context) {
    return c.body(await loadScalarScript(), 200, { ...headersFor(c, JS), 'cache-control': 'public, max-age=86400' })
  })
}

function headersFor(c: Context, contentType: string): Record<string, string> {
  return { 'content-type': contentType, 'x-request-id': requestIdOf(c) }
}
